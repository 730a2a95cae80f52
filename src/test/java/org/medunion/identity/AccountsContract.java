package org.medunion.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts, authentication, lock-out, tokens and account administration (issue 10, 等保 L3), over HTTP as a client
 * would call them. Source addresses are simulated with X-Forwarded-For (the test profiles trust it from localhost).
 * Runs on H2 and on PostgreSQL through the subclasses.
 */
abstract class AccountsContract {

    static final String STRONG = "Correct-Horse-42";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    // ---- lock-out (issue items 4 and 5) ----

    @Test
    void sixtyParallelWrongPasswordsAreAllCountedAndLockExactlyOnce_never5xx_noHashInLogs() throws Exception {
        String user = account(Role.GP);
        String address = newAddress();
        var appender = captureLogs();
        List<Integer> statuses = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(60);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return login(user, "wrong-password", address).status();
                }));
            }
            start.countDown();
            for (var a : answers) {
                statuses.add(a.get());
            }
        } finally {
            pool.shutdownNow();
            detach(appender);
        }
        assertThat(statuses).as("answers to 60 parallel wrong passwords").allMatch(s -> s == 401 || s == 429);
        assertThat(audited(user, "ACCOUNT_LOCKED")).as("lock-outs").isEqualTo(1);
        assertThat(login(user, STRONG, address).json().get("code").asString()).isEqualTo("auth.locked");
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("$2a$") || m.contains("$2b$") || m.contains("password_hash"));
    }

    @Test
    void anonymousLockOutElsewhereNeitherLocksTheAccountOutNorKillsItsTokens() {
        String user = account(Role.GP);
        String home = newAddress();
        String attacker = newAddress();
        var token = login(user, STRONG, home);
        assertThat(token.status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            login(user, "guess-" + i, attacker);
        }
        var fromAttacker = login(user, STRONG, attacker);
        assertThat(fromAttacker.status()).isEqualTo(401);
        assertThat(fromAttacker.json().get("code").asString()).isEqualTo("auth.locked");
        assertThat(fromAttacker.header("Retry-After")).isNotNull();
        assertThat(Api.withToken(port, token.json().get("token").asString()).get("/api/auth/whoami").status())
                .as("existing token during another address's lock-out").isEqualTo(200);
        assertThat(login(user, STRONG, newAddress()).status()).as("correct password from another address").isEqualTo(200);
    }

    @Test
    void unknownAndKnownUsernamesGetTheSameAnswersAndComparableTiming() {
        String known = account(Role.GP);
        String unknown = "nobody-" + System.nanoTime();
        String a = newAddress();
        String b = newAddress();
        List<String> knownAnswers = new ArrayList<>();
        List<String> unknownAnswers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var k = login(known, "wrong-" + i, a);
            var u = login(unknown, "wrong-" + i, b);
            knownAnswers.add(k.status() + " " + k.json().get("code").asString());
            unknownAnswers.add(u.status() + " " + u.json().get("code").asString());
        }
        assertThat(unknownAnswers).isEqualTo(knownAnswers);
        assertThat(knownAnswers.get(5)).isEqualTo("401 auth.locked");
        // interleaved, so that load from other processes falls on both sides alike
        long[] medians = medianLoginNanos(known, unknown);
        long knownNanos = medians[0];
        long unknownNanos = medians[1];
        assertThat((double) unknownNanos).as("unknown user runs bcrypt too: %d vs %d ns", unknownNanos, knownNanos)
                .isGreaterThan(knownNanos * 0.5);
    }

    @Test
    void loginsFailuresAndLockOutsAreAuditedWithoutThePassword() {
        String user = account(Role.GP);
        String address = newAddress();
        login(user, STRONG, address);
        for (int i = 0; i < 5; i++) {
            login(user, "Secret-Guess-" + i, address);
        }
        assertThat(audited(user, "LOGIN_SUCCEEDED")).isEqualTo(1);
        assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(5);
        assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(jdbc.sql("select client_address from audit_event where object_id = ? and action = 'LOGIN_SUCCEEDED'")
                .param(user).query(String.class).single()).as("client address from X-Forwarded-For").isEqualTo(address);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%Secret-Guess%'").query(Long.class).single())
                .isZero();
    }

    // ---- rate limits ----

    @Test
    void tokenEndpointIsRateLimitedPerSourceAddressWith429AndRetryAfter() {
        String address = newAddress();
        Api.Response last = null;
        // the limit is per one-minute window (300 in the test profiles): 700 tries reach it even when the loop
        // crosses a minute boundary and the count starts again, which made this test fail now and then
        for (int i = 0; i < 700 && (last == null || last.status() != 429); i++) {
            last = Api.anonymous(port).send("POST", "/api/auth/token", "{}", headers(address));
        }
        Api.Response limited = Objects.requireNonNull(last, "the loop runs at least once");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.json().get("code").asString()).isEqualTo("auth.rateLimited");
        assertThat(Api.anonymous(port).send("POST", "/api/auth/token", "{}", headers(newAddress())).status())
                .as("another address").isEqualTo(400);
    }

    // ---- tokens (issue item 8) ----

    @Test
    void tokensLiveAtMostTwoHoursAndComeWithARefreshTokenThatRotates() {
        String user = account(Role.GP);
        var r = login(user, STRONG, newAddress());
        Instant expires = Instant.parse(r.json().get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expires)).isLessThanOrEqualTo(Duration.ofHours(2));
        String refresh = r.json().get("refreshToken").asString();
        var renewed = Api.anonymous(port).post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(Api.withToken(port, renewed.json().get("token").asString()).get("/api/auth/whoami").status()).isEqualTo(200);
        assertThat(Api.withToken(port, r.json().get("token").asString()).get("/api/auth/whoami").status())
                .as("old access token after rotation").isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/auth/refresh", "{\"refreshToken\":\"" + refresh + "\"}").status())
                .as("refresh token used twice").isEqualTo(401);
    }

    @Test
    void logoutRevokesThePresentedTokenAndItsRefreshToken() {
        String user = account(Role.GP);
        var r = login(user, STRONG, newAddress());
        var other = login(user, STRONG, newAddress());
        var api = Api.withToken(port, r.json().get("token").asString());
        assertThat(api.post("/api/auth/logout", "").status()).isEqualTo(204);
        assertThat(api.get("/api/auth/whoami").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/auth/refresh", "{\"refreshToken\":\""
                + r.json().get("refreshToken").asString() + "\"}").status()).isEqualTo(401);
        assertThat(Api.withToken(port, other.json().get("token").asString()).get("/api/auth/whoami").status())
                .as("the account's other session").isEqualTo(200);
        assertThat(audited(user, "TOKEN_REVOKED")).isEqualTo(1);
    }

    @Test
    void ownPasswordChangeFollowsThePolicyAndRevokesAllOtherTokens() {
        String user = account(Role.GP);
        var mine = Api.withToken(port, login(user, STRONG, newAddress()).json().get("token").asString());
        var other = Api.withToken(port, login(user, STRONG, newAddress()).json().get("token").asString());
        for (String weak : List.of("12345678", "short-A1", "alllowercaseletters", "Password123!", user + "-X-12345")) {
            var refused = mine.post("/api/auth/password", change(STRONG, weak));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.json().get("field").asString()).isEqualTo("newPassword");
        }
        assertThat(mine.post("/api/auth/password", change("not-mine-123A", "Another-Horse-43")).json().get("field").asString())
                .isEqualTo("currentPassword");
        assertThat(mine.post("/api/auth/password", change(STRONG, "Another-Horse-43")).status()).isEqualTo(204);
        assertThat(mine.get("/api/auth/whoami").status()).as("the caller's own token").isEqualTo(200);
        assertThat(other.get("/api/auth/whoami").status()).as("other tokens").isEqualTo(401);
        assertThat(login(user, STRONG, newAddress()).status()).isEqualTo(401);
        assertThat(login(user, "Another-Horse-43", newAddress()).status()).isEqualTo(200);
        assertThat(audited(user, "PASSWORD_CHANGED")).isEqualTo(1);
    }

    // ---- account administration (issue item 7, 等保 三员) ----

    @Test
    void onlyTheSecurityAdministratorAdministersAccounts() {
        for (String who : List.of("admin", "auditor", "planner", "gp", "integrator")) {
            assertThat(Api.as(port, who).get("/api/accounts").status()).as(who).isEqualTo(403);
        }
        var page = Api.as(port, "secadmin").get("/api/accounts?page=0&size=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isEqualTo(5);
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(11);
        assertThat(Api.as(port, "auditor").get("/api/auth/whoami").json().get("role").asString()).isEqualTo("AUDITOR");
    }

    @Test
    void securityAdministratorCreatesAnAccountWhoseTemporaryPasswordMustBeChanged() {
        var sec = Api.as(port, "secadmin");
        String institution = Api.as(port, "gp").get("/api/auth/whoami").json().get("scope").get("reference").asString();
        String user = "new-gp-" + System.nanoTime();
        var unknown = sec.post("/api/accounts", create(user, "GP", "INSTITUTION", java.util.UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asString()).isEqualTo("scope.reference");
        var wrongType = sec.post("/api/accounts", create(user, "GP", "JURISDICTION", "310000"));
        assertThat(wrongType.json().get("field").asString()).isEqualTo("scope.type");

        var created = sec.post("/api/accounts", create(user, "GP", "INSTITUTION", institution));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String temporary = created.json().get("temporaryPassword").asString();
        assertThat(sec.post("/api/accounts", create(user, "GP", "INSTITUTION", institution)).status()).isEqualTo(409);
        var first = Api.withToken(port, login(user, temporary, newAddress()).json().get("token").asString());
        var blocked = first.get("/api/policy/rules");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("code").asString()).isEqualTo("auth.passwordChangeRequired");
        assertThat(first.post("/api/auth/password", change(temporary, STRONG)).status()).isEqualTo(204);
        assertThat(first.get("/api/policy/rules").status()).isEqualTo(200);
        assertThat(audited(user, "ACCOUNT_CHANGED")).isEqualTo(1);
    }

    @Test
    void disablingResettingAndRoleChangesRevokeEveryTokenOfTheAccount() {
        var sec = Api.as(port, "secadmin");
        String user = account(Role.PLANNER);
        var token = Api.withToken(port, login(user, STRONG, newAddress()).json().get("token").asString());
        assertThat(sec.post("/api/accounts/" + user + "/disable", "").json().get("enabled").asBoolean()).isFalse();
        assertThat(token.get("/api/auth/whoami").status()).isEqualTo(401);
        assertThat(login(user, STRONG, newAddress()).json().get("code").asString()).isEqualTo("auth.badCredentials");
        sec.post("/api/accounts/" + user + "/enable", "");

        token = Api.withToken(port, login(user, STRONG, newAddress()).json().get("token").asString());
        var role = sec.put("/api/accounts/" + user + "/role",
                "{\"role\":\"INTEGRATOR\",\"scope\":{\"type\":\"JURISDICTION\",\"reference\":\"310000\"}}");
        assertThat(role.status()).as(role.body()).isEqualTo(200);
        assertThat(token.get("/api/auth/whoami").status()).isEqualTo(401);
        var relogged = login(user, STRONG, newAddress());
        assertThat(relogged.json().get("role").asString()).isEqualTo("INTEGRATOR");

        token = Api.withToken(port, relogged.json().get("token").asString());
        var reset = sec.post("/api/accounts/" + user + "/reset-password", "");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(token.get("/api/auth/whoami").status()).isEqualTo(401);
        assertThat(login(user, STRONG, newAddress()).status()).isEqualTo(401);
        assertThat(login(user, reset.json().get("temporaryPassword").asString(), newAddress()).status()).isEqualTo(200);
        assertThat(audited(user, "TOKEN_REVOKED")).isEqualTo(3);
    }

    @Test
    void securityAdministratorUnlocksAnAccount() {
        String user = account(Role.GP);
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            login(user, "wrong-" + i, address);
        }
        assertThat(login(user, STRONG, address).json().get("code").asString()).isEqualTo("auth.locked");
        var view = Api.as(port, "secadmin").get("/api/accounts/" + user);
        assertThat(view.json().get("locked").asBoolean()).isTrue();
        assertThat(Api.as(port, "secadmin").post("/api/accounts/" + user + "/unlock", "").json().get("locked").asBoolean())
                .isFalse();
        assertThat(login(user, STRONG, address).status()).isEqualTo(200);
    }

    @Test
    void securityAndAuditAdministratorsReadNoResidentData() {
        for (String who : List.of("secadmin", "auditor")) {
            var api = Api.as(port, who);
            assertThat(api.get("/api/residents/duplicates").status()).as(who).isEqualTo(403);
            assertThat(api.get("/api/referrals").status()).as(who).isEqualTo(403);
            assertThat(api.getFhir("/fhir/Patient?_count=1").status()).as(who).isEqualTo(403);
        }
        assertThat(Api.as(port, "gp").get("/api/residents/duplicates").status()).isEqualTo(200);
    }

    @Test
    void securityAdministratorCannotActOnItself() {
        assertThat(Api.as(port, "secadmin").post("/api/accounts/secadmin/disable", "").status()).isEqualTo(403);
    }

    // ---- production posture (issue item 10) ----

    @Test
    void noProductVersionHeaders() {
        for (var r : List.of(Api.anonymous(port).getFhir("/fhir/metadata"), Api.as(port, "gp").getFhir("/fhir/Organization?_count=1"),
                Api.anonymous(port).get("/login"))) {
            assertThat(r.header("X-Powered-By")).isNull();
            assertThat(r.header("Server")).isNull();
        }
    }

    @Test
    void behindATlsProxyTheConsoleSendsHstsAndSecureCookies() {
        var r = Api.anonymous(port).send("GET", "/login", null, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", newAddress()));
        assertThat(r.header("Strict-Transport-Security")).contains("max-age");
        var session = r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("JSESSIONID")).findFirst();
        session.ifPresent(c -> assertThat(c).contains("Secure"));
    }

    // ---- helpers ----

    private String account(Role role) {
        String name = role.name().toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        Scope scope = switch (role) {
            case PLANNER, INTEGRATOR -> Scope.jurisdiction("310000");
            default -> Scope.global();
        };
        accounts.ensureAccount(new AccountManagement.NewAccount(name, STRONG, "Test " + name, role, scope));
        return name;
    }

    /** A fresh client address per use, so tests (and the lock-out they cause) do not meet each other. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet() + (int) (System.nanoTime() % 1000) * 1000;
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    private Api.Response login(String user, String password, String address) {
        return Api.anonymous(port).send("POST", "/api/auth/token",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", headers(address));
    }

    private static Map<String, String> headers(String address) {
        return Map.of("Content-Type", "application/json", "Accept", "application/json", "X-Forwarded-For", address);
    }

    private long[] medianLoginNanos(String... users) {
        List<List<Long>> times = new ArrayList<>();
        for (String ignored : users) {
            times.add(new ArrayList<>());
        }
        for (int i = 0; i < 9; i++) {
            for (int u = 0; u < users.length; u++) {
                long t = System.nanoTime();
                login(users[u], "wrong-timing", newAddress());
                times.get(u).add(System.nanoTime() - t);
            }
        }
        return times.stream().mapToLong(list -> list.stream().sorted().toList().get(list.size() / 2)).toArray();
    }

    private long audited(String user, String action) {
        return jdbc.sql("select count(*) from audit_event where object_type = 'Account' and object_id = ? and action = ?")
                .params(user, action).query(Long.class).single();
    }

    private static String change(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }

    private static String create(String user, String role, String scopeType, String reference) {
        return "{\"username\":\"" + user + "\",\"displayName\":\"Dr Test\",\"role\":\"" + role
                + "\",\"scope\":{\"type\":\"" + scopeType + "\",\"reference\":\"" + reference + "\"}}";
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static void detach(ListAppender<ILoggingEvent> appender) {
        root().detachAppender(appender);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
