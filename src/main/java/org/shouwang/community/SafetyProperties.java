package org.shouwang.community;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the safety log ({@code shouwang.safety.*}).
 *
 * @param securityDepartment the code of the security department (保卫处): its accounts keep the log
 *                           with the police office
 */
@ConfigurationProperties("shouwang.safety")
public record SafetyProperties(@DefaultValue("BW") String securityDepartment) {
}
