package org.shouwang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ShouwangApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShouwangApplication.class, args);
    }
}
