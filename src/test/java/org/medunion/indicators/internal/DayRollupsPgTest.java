package org.medunion.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

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
        jdbc.execute("truncate indicators_encounter, indicators_encounter_key, indicators_day, indicators_month, indicators_month_closed");
    }

    @Override
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * Two ingests of the same institution and day, each refreshing the day in its own transaction: the second waits for
     * the first to commit (the day's advisory lock) and its aggregate then counts both. Without the lock the second
     * aggregate missed the first's uncommitted fact and overwrote the row with its own count (or failed on the key).
     */
    @Test
    void concurrentRefreshesOfOneDayCountBothIngests() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        refreshConcurrently("A1", day, "A2", day);
        assertThat(jdbc.queryForObject("select visits from indicators_day where institution_id = ? and local_day = ?",
                Long.class, HOSPITAL, day)).isEqualTo(2);
    }

    /**
     * Two ingests of different days of one closed month, each in its own transaction: the month's lock makes the second
     * recompute the month rows after the first commits, so they count both (decision 0266).
     */
    @Test
    void concurrentRefreshesOfOneClosedMonthCountBothIngests() throws Exception {
        assertThat(new MonthRollups(jdbc).close(LocalDate.of(2026, 3, 1), Instant.now())).isTrue();
        refreshConcurrently("B1", LocalDate.of(2026, 3, 2), "B2", LocalDate.of(2026, 3, 9));
        assertThat(jdbc.queryForObject("select visits from indicators_month where institution_id = ? and month_start = ?",
                Long.class, HOSPITAL, LocalDate.of(2026, 3, 1))).isEqualTo(2);
    }

    /** A visit and its refresh in each of two transactions; the second must wait until the first commits. */
    private void refreshConcurrently(String firstSource, LocalDate firstDay, String secondSource, LocalDate secondDay)
            throws Exception {
        var tx = new TransactionTemplate(new DataSourceTransactionManager(Objects.requireNonNull(jdbc.getDataSource())));
        var rollups = new DayRollups(jdbc);
        var refreshed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> tx.executeWithoutResult(s -> {
                fact(HOSPITAL, firstSource, "OUTPATIENT", firstDay, 0, null);
                rollups.refresh(Map.of(firstDay, Map.of(HOSPITAL, false)), Instant.now());
                refreshed.countDown();
                await(release);
            }));
            assertThat(refreshed.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> tx.executeWithoutResult(s -> {
                fact(HOSPITAL, secondSource, "OUTPATIENT", secondDay, 0, null);
                rollups.refresh(Map.of(secondDay, Map.of(HOSPITAL, false)), Instant.now());
            }));
            Thread.sleep(500);
            assertThat(second.isDone()).as("the second refresh waits for the first commit").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
