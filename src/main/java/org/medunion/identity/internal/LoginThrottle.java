package org.medunion.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lock-out per (username as typed, source address), table {@code identity_login_failure}.
 * <ul>
 * <li>Keyed by the source address too, so an anonymous caller elsewhere cannot lock an administrator out, and
 *     existing tokens are never touched by a lock-out.</li>
 * <li>Keyed by the typed name whether or not an account exists, so a lock-out does not reveal which names exist.</li>
 * <li>Counted under a row lock ({@code SELECT ... FOR UPDATE}), so parallel guesses cannot lose increments and
 *     exactly one of them sets the lock.</li>
 * <li>Each lock-out of the same pair doubles the lock time (back-off), capped.</li>
 * </ul>
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private final Duration maxLockDuration;

    LoginThrottle(JdbcClient jdbc, Clock clock,
                  @Value("${medunion.security.max-failed-logins:5}") int maxFailures,
                  @Value("${medunion.security.lock-duration:PT15M}") Duration lockDuration,
                  @Value("${medunion.security.max-lock-duration:PT24H}") Duration maxLockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.maxLockDuration = maxLockDuration;
    }

    /** When the pair's current lock ends, if it is locked now. */
    Optional<Instant> lockedUntil(String username, String source) {
        Instant now = clock.instant();
        return jdbc.sql("select locked_until from identity_login_failure where username = ? and source = ?")
                .params(username, source).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).filter(until -> until.isAfter(now));
    }

    /** Counts one failure; the answer says whether the pair is locked now and whether this failure locked it. */
    @Transactional
    Failure recordFailure(String username, String source) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into identity_login_failure (username, source, failures, lockouts, last_failure_at)
                values (?, ?, 0, 0, ?) on conflict do nothing""")
                .params(username, source, Timestamp.from(now)).update();
        var row = jdbc.sql("select failures, lockouts, locked_until from identity_login_failure "
                + "where username = ? and source = ? for update")
                .params(username, source)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .single();
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            return new Failure(row.lockedUntil(), false);
        }
        int failures = row.failures() + 1;
        int lockouts = row.lockouts();
        Instant until = null;
        if (failures >= maxFailures) {
            lockouts++;
            until = now.plus(backOff(lockouts));
            failures = 0;
        }
        jdbc.sql("""
                update identity_login_failure set failures = ?, lockouts = ?, locked_until = ?, last_failure_at = ?
                where username = ? and source = ?""")
                .params(Arrays.asList(failures, lockouts, until == null ? null : Timestamp.from(until), Timestamp.from(now),
                        username, source))
                .update();
        return new Failure(until, until != null);
    }

    /** A successful login forgets the pair's failures and back-off. */
    void recordSuccess(String username, String source) {
        jdbc.sql("delete from identity_login_failure where username = ? and source = ?").params(username, source).update();
    }

    /** Security administrator's unlock: every source address of the account. */
    int unlock(String username) {
        return jdbc.sql("delete from identity_login_failure where username = ?").param(username).update();
    }

    boolean isLockedAnywhere(String username) {
        return jdbc.sql("select count(*) from identity_login_failure where username = ? and locked_until > ?")
                .params(username, Timestamp.from(clock.instant())).query(Long.class).single() > 0;
    }

    /** Rows of pairs that have been quiet for longer than the longest lock are only noise (and unbounded). */
    @Scheduled(fixedDelayString = "${medunion.security.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    void forgetQuietPairs() {
        Instant horizon = clock.instant().minus(maxLockDuration);
        jdbc.sql("delete from identity_login_failure where last_failure_at < ? and (locked_until is null or locked_until < ?)")
                .params(Timestamp.from(horizon), Timestamp.from(clock.instant())).update();
    }

    Duration backOff(int lockouts) {
        Duration d = lockDuration.multipliedBy(1L << Math.min(lockouts - 1, 20));
        return d.compareTo(maxLockDuration) > 0 ? maxLockDuration : d;
    }

    private record Row(int failures, int lockouts, @Nullable Instant lockedUntil) {
    }

    /**
     * @param lockedUntil set while the pair is locked
     * @param lockedNow   whether this very failure set the lock (happens exactly once per lock-out)
     */
    record Failure(@Nullable Instant lockedUntil, boolean lockedNow) {

        boolean locked() {
            return lockedUntil != null;
        }
    }
}
