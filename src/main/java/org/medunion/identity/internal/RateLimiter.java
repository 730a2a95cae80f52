package org.medunion.identity.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows counted in memory, per instance (docs/decisions/0022-rate-limits-in-memory.md):
 * with N instances behind a balancer a caller gets at most N times the limit, which still bounds guessing
 * (the lock-out in the database is shared by all instances) and keeps the instances stateless.
 */
@Component
class RateLimiter {

    private final Clock clock;
    private final int authPerMinute;
    private final int tokenPerMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(Clock clock,
                @Value("${medunion.security.rate-limit.auth-per-minute:30}") int authPerMinute,
                @Value("${medunion.security.rate-limit.token-per-minute:600}") int tokenPerMinute) {
        this.clock = clock;
        this.authPerMinute = authPerMinute;
        this.tokenPerMinute = tokenPerMinute;
    }

    /** 0 when the call may go ahead, else the seconds until the caller's window ends (for Retry-After). */
    long authAttempt(String sourceAddress) {
        return take("a:" + sourceAddress, authPerMinute);
    }

    long tokenCall(String tokenHash) {
        return take("t:" + tokenHash, tokenPerMinute);
    }

    private long take(String key, int limit) {
        if (limit <= 0) {
            return 0;
        }
        long nowMillis = clock.millis();
        long minute = nowMillis / 60_000;
        Window w = windows.compute(key, (k, old) -> old == null || old.minute != minute ? new Window(minute) : old);
        if (w.count.incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
    }

    /** Forgets past windows so the map holds only the current minute's callers. */
    @Scheduled(fixedDelay = 60_000)
    void forgetPastWindows() {
        long minute = clock.millis() / 60_000;
        windows.values().removeIf(w -> w.minute < minute);
    }

    private static final class Window {

        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
