package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void perTokenLimitAnswersRetryAfterUntilTheMinuteEnds() {
        var clock = Clock.fixed(Instant.parse("2026-01-01T10:00:45Z"), ZoneOffset.UTC);
        var limiter = new RateLimiter(clock, 2, 3);
        assertThat(limiter.tokenCall("t1")).isZero();
        assertThat(limiter.tokenCall("t1")).isZero();
        assertThat(limiter.tokenCall("t1")).isZero();
        assertThat(limiter.tokenCall("t1")).isEqualTo(15);
        assertThat(limiter.tokenCall("t2")).as("another token").isZero();
        assertThat(limiter.authAttempt("10.0.0.1")).isZero();
        assertThat(limiter.authAttempt("10.0.0.1")).isZero();
        assertThat(limiter.authAttempt("10.0.0.1")).isEqualTo(15);
        var nextMinute = new RateLimiter(Clock.offset(clock, java.time.Duration.ofSeconds(15)), 2, 3);
        assertThat(nextMinute.tokenCall("t1")).isZero();
    }
}
