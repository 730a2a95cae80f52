package org.medunion.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the audit administrator must notice (等保 L3 安全审计 d, issue 10): audit rows that could not be written since
 * the application started (a denial's row is written in a transaction of its own, so its failure does not stop the
 * answer and would otherwise show only in the log), and the security events of the last day — failed logins,
 * lock-outs, denied and unauthenticated requests. Shown on the auditor's workbench.
 */
@Component
public class AuditAlerts {

    /** The window of "recent" security events. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicReference<@Nullable Instant> lastWriteFailure = new AtomicReference<>();

    AuditAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The security events of the last {@link #WINDOW} and the audit write failures since start. */
    public record Summary(long failedLogins, long lockOuts, long deniedRequests, long writeFailures,
                          @Nullable Instant lastWriteFailure, Instant since) {

        public boolean writeFailed() {
            return writeFailures > 0;
        }
    }

    void writeFailed() {
        writeFailures.incrementAndGet();
        lastWriteFailure.set(clock.instant());
    }

    public Summary summary() {
        Instant since = clock.instant().minus(WINDOW);
        return new Summary(count("action = ?", List.of(AuditAction.LOGIN_FAILED.name()), since),
                count("action = ?", List.of(AuditAction.ACCOUNT_LOCKED.name()), since),
                count("outcome in (?, ?)", List.of(AuditRecord.DENIED, AuditRecord.UNAUTHENTICATED), since),
                writeFailures.get(), lastWriteFailure.get(), since);
    }

    private long count(String condition, List<Object> params, Instant since) {
        var all = new ArrayList<>(params);
        all.add(Timestamp.from(since));
        return jdbc.sql("select count(*) from audit_event where " + condition + " and occurred_at >= ?").params(all)
                .query(Long.class).single();
    }
}
