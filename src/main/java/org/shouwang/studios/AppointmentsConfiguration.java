package org.shouwang.studios;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AppointmentsProperties.class)
class AppointmentsConfiguration {
}
