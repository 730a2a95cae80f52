package org.medunion;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** MedUnion: one deployable application, one Spring Modulith module per capability (see README). */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class MedUnionApplication {

    /** Periods and deadlines are in the jurisdiction's time zone (indicators.md). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static void main(String[] args) {
        SpringApplication.run(MedUnionApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}
