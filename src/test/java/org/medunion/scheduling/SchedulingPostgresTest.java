package org.medunion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.medunion.MedUnionApplication;
import org.medunion.support.Api;
import org.medunion.support.PostgresTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scheduling contract on PostgreSQL, plus R-1 across two application instances: a second MedUnion is
 * started on the same database (no migration, no clean) and half of the requests go to each instance.
 */
@PostgresTest
class SchedulingPostgresTest extends SchedulingContract {

    @Test
    void R1_twoInstancesSharingTheDatabaseBookEachSlotExactlyOnce() throws Exception {
        var schedule = publish(lead(), g.lead(), "OUTPATIENT_EXPERT", "10:30", null); // 10 slots
        List<String> slotIds = slots(schedule.get("id").asString()).stream().map(s -> s.get("id").asString()).toList();
        try (ConfigurableApplicationContext second = secondInstance()) {
            // a started servlet application context always has its web server
            int port2 = Objects.requireNonNull(((WebServerApplicationContext) second).getWebServer()).getPort();
            assertThat(port2).isNotEqualTo(port);
            var outcomes = contend(List.of(gp(), Api.as(port2, g.gpUser())), slotIds, 400);
            assertThat(outcomes.get(201)).isEqualTo(10);
            assertThat(outcomes.get(409)).isEqualTo(390);
        }
        for (String slot : slotIds) {
            assertThat(activeBookings(slot)).as("slot " + slot).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from scheduling_slot where schedule_id = ? and status = 'BOOKED'")
                .param(java.util.UUID.fromString(schedule.get("id").asString())).query(Long.class).single()).isEqualTo(10);
    }

    /** A second instance on the same PostgreSQL: Flyway off (the first instance migrated), never cleans. */
    static ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(MedUnionApplication.class)
                .profiles("demo", "pgtest")
                .properties("server.port=0", "spring.flyway.enabled=false", "medunion.test.clean-database=false",
                        "spring.datasource.hikari.maximum-pool-size=8", "medunion.data-dir=target/second-instance",
                        "spring.jmx.enabled=false", "spring.application.name=medunion-second")
                .run();
    }
}
