package org.shouwang.community;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InspectionsProperties.class)
class InspectionsConfiguration {
}
