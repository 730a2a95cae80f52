package org.medunion.indicators.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The monthly partitions of {@code indicators_encounter} and {@code indicators_day} on PostgreSQL (vendor/postgresql
 * V13_30, V13_60, V13_81; decisions 0248, 0273): before a batch is written, the partitions of its months are made to
 * exist (a late record for a month before the oldest partition creates that month's); once a day, and at start-up, the
 * current month and the next {@value #MONTHS_AHEAD} are made to exist, so ordinary inserts never create one. Idempotent
 * on every instance. On H2 (one unpartitioned table) it does nothing.
 */
@Component
class EncounterPartitions {

    static final int MONTHS_AHEAD = 3;
    private static final String DAYS = "indicators_day";
    private static final String FACTS = "indicators_encounter";
    /** PostgreSQL's SQLSTATE when lock_timeout expires. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int LOCK_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(EncounterPartitions.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final boolean partitioned;

    EncounterPartitions(JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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

    /**
     * Makes the partitions of the given days' months exist; returns how many fact partitions were created. Called by an
     * ingest before it reads or writes the facts: a missing partition is created on a connection of its own, each in a
     * transaction of its own (V13_81, decision 0273), never in the caller's — there the ACCESS EXCLUSIVE lock would be
     * held until the whole ingest commits, and a reader of the facts that then reads the day rows deadlocks with it.
     */
    int ensure(Collection<LocalDate> days) {
        if (!partitioned || days.isEmpty()) {
            return 0;
        }
        var months = new TreeSet<YearMonth>();
        days.forEach(d -> months.add(YearMonth.from(d)));
        int created = 0;
        for (YearMonth m : months) {
            // to_regclass takes no lock: the usual case (both exist) costs the caller's transaction nothing more
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null and to_regclass(?) is not null",
                    Boolean.class, partition(DAYS, m), partition(FACTS, m)))) {
                created += create(m);
            }
        }
        return created;
    }

    private static String partition(String parent, YearMonth m) {
        return String.format(Locale.ROOT, "%s_p%04d_%02d", parent, m.getYear(), m.getMonthValue());
    }

    /** The month's day partition, then its fact partition, each committed at once (the connection is in autocommit). */
    private int create(YearMonth m) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            createOne(c, DAYS, m);
            boolean made = createOne(c, FACTS, m);
            if (made) {
                log.info("created the encounter partition for {}", m);
            }
            return made ? 1 : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("the encounter partitions of " + m + " could not be created: " + e.getMessage(), e);
        }
    }

    /** One partition; a lock wait over the function's lock_timeout (a long reader) is tried again, then refused. */
    private static boolean createOne(Connection c, String parent, YearMonth m) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (PreparedStatement st = c.prepareStatement("select indicators_ensure_partition(?, ?)")) {
                st.setString(1, parent);
                st.setObject(2, m.atDay(1));
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
                log.info("partition {} of {} waited for a reader too long, trying again ({}/{})", m, parent, attempt, LOCK_ATTEMPTS);
            }
        }
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
