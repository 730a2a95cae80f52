package org.medunion.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** On PostgreSQL, every test context starts from an empty schema so runs do not see each other's rows. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate(Environment env) {
        return flyway -> {
            if (env.getProperty("medunion.test.clean-database", Boolean.class, false)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
