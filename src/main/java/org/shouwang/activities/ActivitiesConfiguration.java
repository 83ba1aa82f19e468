package org.shouwang.activities;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ActivitiesProperties.class)
class ActivitiesConfiguration {
}
