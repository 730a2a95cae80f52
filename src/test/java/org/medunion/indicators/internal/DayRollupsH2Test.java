package org.medunion.indicators.internal;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link DayRollupsContract} on H2, the embedded default: one facts table, one day table. */
class DayRollupsH2Test extends DayRollupsContract {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:rollups-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @BeforeEach
    void empty() {
        jdbc.execute("delete from indicators_encounter");
        jdbc.execute("delete from indicators_day");
        jdbc.execute("delete from indicators_month");
        jdbc.execute("delete from indicators_month_closed");
    }

    @Override
    JdbcTemplate jdbc() {
        return jdbc;
    }
}
