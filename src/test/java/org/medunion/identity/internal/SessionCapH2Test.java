package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.support.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code MEDUNION_MAX_SESSIONS_PER_ACCOUNT} (issue 10, "unlimited concurrent tokens"): with a cap of two, a third
 * login ends the oldest session — its access and refresh tokens stop working — and the two newest keep working.
 * The service is built here with the cap, on the application's own database and account store.
 */
@H2Test
class SessionCapH2Test {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountStore store;
    @Autowired
    AccountManagement accounts;

    @Test
    void aLoginBeyondTheCapEndsTheOldestSessionOnly() {
        String name = "cap-" + System.nanoTime();
        accounts.ensureAccount(new AccountManagement.NewAccount(name, "Correct-Horse-42", "Test " + name, Role.GP,
                Scope.global()));
        var user = store.find(name).orElseThrow().user();
        List<TokenService.IssuedToken> issued = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < 3; i++) {
            // one second apart: "oldest" must not depend on rows written in the same instant
            var tokens = new TokenService(jdbc, store, Clock.fixed(start.plusSeconds(i), ZoneId.of("Asia/Shanghai")),
                    Duration.ofHours(2), Duration.ofHours(12), 2);
            issued.add(tokens.issue(user));
        }
        var now = new TokenService(jdbc, store, Clock.fixed(start.plusSeconds(3), ZoneId.of("Asia/Shanghai")),
                Duration.ofHours(2), Duration.ofHours(12), 2);
        assertThat(now.resolve(issued.get(0).token())).as("oldest session's access token").isEmpty();
        assertThat(now.refresh(issued.get(0).refreshToken())).as("oldest session's refresh token").isEmpty();
        assertThat(now.resolve(issued.get(1).token())).as("second session").isPresent();
        assertThat(now.resolve(issued.get(2).token())).as("newest session").isPresent();
    }

    /** Issue 10 item 8, "expired tokens never deleted": the scheduled clean-up removes expired rows and only those. */
    @Test
    void theCleanUpDeletesExpiredTokensOnly() {
        String name = "expiry-" + System.nanoTime();
        accounts.ensureAccount(new AccountManagement.NewAccount(name, "Correct-Horse-42", "Test " + name, Role.GP,
                Scope.global()));
        var user = store.find(name).orElseThrow().user();
        Instant now = Instant.now();
        var yesterday = new TokenService(jdbc, store, Clock.fixed(now.minus(Duration.ofDays(1)), ZoneId.of("Asia/Shanghai")),
                Duration.ofHours(2), Duration.ofHours(12), 0);
        var today = new TokenService(jdbc, store, Clock.fixed(now, ZoneId.of("Asia/Shanghai")), Duration.ofHours(2),
                Duration.ofHours(12), 0);
        var old = yesterday.issue(user);
        var fresh = today.issue(user);
        assertThat(today.deleteExpired()).as("expired rows deleted").isGreaterThanOrEqualTo(2);
        assertThat(rows(TokenService.hash(old.token()))).isZero();
        assertThat(rows(TokenService.hash(old.refreshToken()))).isZero();
        assertThat(today.resolve(fresh.token())).isPresent();
    }

    long rows(String hash) {
        return jdbc.sql("select count(*) from identity_api_token where token_hash = ?").param(hash).query(Long.class).single();
    }
}
