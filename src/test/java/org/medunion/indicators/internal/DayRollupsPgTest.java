package org.medunion.indicators.internal;

import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link DayRollupsContract} on PostgreSQL: facts and day rows partitioned by month, in a schema of its own. */
class DayRollupsPgTest extends DayRollupsContract {

    private static final String SCHEMA = "day_rollups";
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        String url = System.getenv().getOrDefault("MEDUNION_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/medunion_test");
        var ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                System.getenv().getOrDefault("MEDUNION_TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("MEDUNION_TEST_PG_PASSWORD", ""));
        var flyway = Flyway.configure().dataSource(ds).schemas(SCHEMA).cleanDisabled(false).outOfOrder(true)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load();
        flyway.clean();
        flyway.migrate();
        jdbc = new JdbcTemplate(ds);
        for (LocalDate m = LocalDate.of(2026, 1, 1); m.isBefore(LocalDate.of(2026, 6, 1)); m = m.plusMonths(1)) {
            jdbc.queryForObject("select indicators_encounter_ensure_month(?)", Boolean.class, m);
        }
    }

    @BeforeEach
    void empty() {
        jdbc.execute("truncate indicators_encounter, indicators_encounter_key, indicators_day");
    }

    @Override
    JdbcTemplate jdbc() {
        return jdbc;
    }
}
