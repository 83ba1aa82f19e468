package org.shouwang.demo;

import org.shouwang.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The {@link TestClock} of {@link DemoYearTest}'s context (the test fixtures of other modules need one): the real time unless fixed. */
@TestConfiguration(proxyBeanMethods = false)
public class DemoYearClock {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
