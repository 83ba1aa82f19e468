package org.shouwang.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** On an empty database, loads the demo campus; then says where to log in and with which accounts. */
@Component
@EnableConfigurationProperties(DemoProperties.class)
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoCampus demo;
    private final DemoProperties properties;
    private final Environment environment;

    DemoStartup(DemoCampus demo, DemoProperties properties, Environment environment) {
        this.demo = demo;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void ready() {
        if (!properties.enabled()) {
            return;
        }
        if (demo.isEmpty()) {
            long start = System.nanoTime();
            demo.load(properties.students(), properties.seed(), properties.password(), properties.requests(),
                    properties.activities(), properties.academicYear());
            log.info("Demo campus of {} students{} loaded in {} ms", properties.students(),
                    properties.academicYear() ? " with the demo year" : "", (System.nanoTime() - start) / 1_000_000);
        }
        StringBuilder banner = new StringBuilder("\n\n  守望 Shouwang is ready: http://localhost:")
                .append(environment.getProperty("local.server.port", "8080")).append("/\n")
                .append("  Demo accounts (password: ").append(properties.password()).append("):\n");
        DemoCampus.ACCOUNTS.forEach((username, roles) -> banner.append(String.format("    %-15s %s%n", username, roles)));
        banner.append("  Every demo student can also log in with their student number.\n");
        log.info(banner.toString());
    }
}
