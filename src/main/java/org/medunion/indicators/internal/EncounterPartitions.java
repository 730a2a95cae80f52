package org.medunion.indicators.internal;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of {@code indicators_encounter} on PostgreSQL (vendor/postgresql/V13_30, decision 0248):
 * before a batch is written, the partitions of its months are made to exist (a late record for a month before the
 * oldest partition creates that month's); once a day, and at start-up, the current month and the next
 * {@value #MONTHS_AHEAD} are made to exist, so ordinary inserts never create one. Idempotent on every instance. On H2
 * (one unpartitioned table) it does nothing.
 */
@Component
class EncounterPartitions {

    static final int MONTHS_AHEAD = 3;
    private static final Logger log = LoggerFactory.getLogger(EncounterPartitions.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean partitioned;

    EncounterPartitions(JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.partitioned = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }

    /** PostgreSQL (partitioned, COPY available) rather than H2. */
    boolean partitioned() {
        return partitioned;
    }

    /** Makes the partitions of the given days' months exist; returns how many were created. */
    int ensure(Collection<LocalDate> days) {
        if (!partitioned || days.isEmpty()) {
            return 0;
        }
        var months = new TreeSet<YearMonth>();
        days.forEach(d -> months.add(YearMonth.from(d)));
        int created = 0;
        for (YearMonth m : months) {
            Boolean made = jdbc.queryForObject("select indicators_encounter_ensure_month(?)", Boolean.class, m.atDay(1));
            if (Boolean.TRUE.equals(made)) {
                created++;
                log.info("created the encounter partition for {}", m);
            }
        }
        return created;
    }

    /** The current month (Asia/Shanghai) and the next ones, so the day's inserts find their partition. */
    @Scheduled(cron = "${medunion.indicators.partition-cron:0 17 2 * * *}", zone = "Asia/Shanghai")
    @EventListener(ApplicationReadyEvent.class)
    void createAhead() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(EncounterParsing.ZONE));
            var days = new TreeSet<LocalDate>();
            for (int i = 0; i <= MONTHS_AHEAD; i++) {
                days.add(today.plusMonths(i));
            }
            ensure(days);
        } catch (RuntimeException e) {
            log.warn("encounter partitions ahead not created, will retry: {}", e.getMessage());
        }
    }
}
