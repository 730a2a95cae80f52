package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.medunion.MedUnionApplication;
import org.medunion.support.Api;
import org.medunion.web.ConsoleSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The application as production starts it (no demo profile, embedded database): the credential guard and the
 * password policy act before the web server listens; the API description needs a token; administrators need TOTP.
 */
@Tag("h2")
class ProductionPostureH2Test {

    private static final String STRONG_ADMIN = "Harbour-Lights-77";

    @Test
    void weakAdminPasswordIsRefusedBeforeTheServerListens() {
        var listened = new AtomicBoolean();
        assertThatThrownBy(() -> start(newDatabase(), "12345678", listened).close())
                .hasStackTraceContaining("MEDUNION_ADMIN_PASSWORD breaks the password policy");
        assertThat(listened).as("web server started").isFalse();
    }

    @Test
    void anAccountWithAWellKnownPasswordStopsStartUpBeforeAnyTokenCanBeIssued() {
        String db = newDatabase();
        try (var first = start(db, STRONG_ADMIN, new AtomicBoolean())) {
            first.getBean(JdbcClient.class).sql("""
                    insert into identity_account (id, username, password_hash, display_name, role, scope_type, created_at)
                    values (?, 'weak', ?, 'Weak', 'GP', 'GLOBAL', current_timestamp)""")
                    .params(UUID.randomUUID(), new BCryptPasswordEncoder().encode("demo")).update();
        }
        var listened = new AtomicBoolean();
        assertThatThrownBy(() -> start(db, "", listened).close()).hasStackTraceContaining("well-known default password");
        assertThat(listened).as("web server started").isFalse();
    }

    @Test
    void outsideTheDemoApiDocsNeedATokenAndTheAdministratorNeedsTotp() {
        try (var app = start(newDatabase(), STRONG_ADMIN, new AtomicBoolean())) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var anon = Api.anonymous(port);
            assertThat(anon.get("/v3/api-docs").status()).isEqualTo(401);
            assertThat(anon.get("/swagger-ui.html").status()).isNotEqualTo(200);

            String login = "{\"username\":\"admin\",\"password\":\"" + STRONG_ADMIN + "\"";
            var noTotp = anon.post("/api/auth/token", login + "}");
            assertThat(noTotp.status()).isEqualTo(401);
            assertThat(noTotp.json().get("code").asString()).isEqualTo("auth.totpEnrolmentRequired");
            assertThat(anon.post("/api/auth/totp", "{\"username\":\"admin\",\"password\":\"wrong-one-A1\"}").status())
                    .isEqualTo(401);
            var enrolment = anon.post("/api/auth/totp", login + "}");
            assertThat(enrolment.status()).isEqualTo(200);
            String secret = enrolment.json().get("secret").asString();
            assertThat(enrolment.json().get("otpauthUri").asString()).startsWith("otpauth://totp/MedUnion:admin?secret=" + secret);
            String stored = app.getBean(JdbcClient.class).sql("select totp_secret from identity_account where username = 'admin'")
                    .query(String.class).single();
            assertThat(stored).as("TOTP secret sealed at rest").startsWith("v1:").doesNotContain(secret);
            assertThat(anon.post("/api/auth/totp", login + "}").status()).as("second enrolment").isEqualTo(409);
            assertThat(anon.post("/api/auth/token", login + "}").json().get("code").asString()).isEqualTo("auth.totpRequired");
            assertThat(anon.post("/api/auth/token", login + ",\"totp\":\"000000\"}").status()).isEqualTo(401);

            String code = Totp.totp(Totp.base32Decode(secret), Instant.now(), 6, "HmacSHA1");
            var token = anon.post("/api/auth/token", login + ",\"totp\":\"" + code + "\"}");
            assertThat(token.status()).as(token.body()).isEqualTo(200);
            assertThat(Api.withToken(port, token.json().get("token").asString()).get("/v3/api-docs").status()).isEqualTo(200);
        }
    }

    @Test
    void outsideTheDemoAnAdministratorEnrolsTotpInTheConsoleAndThenSignsInWithIt() {
        try (var app = start(newDatabase(), STRONG_ADMIN, new AtomicBoolean())) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var browser = ConsoleSession.anonymous(port);
            Map<String, String> credentials = Map.of("username", "admin", "password", STRONG_ADMIN);

            var refused = browser.post("/login", credentials, browser.get("/login"));
            assertThat(refused.location()).as("told to enrol, not 'wrong password'").endsWith("/login?error=enrol");
            assertThat(browser.get("/login?error=enrol").body()).contains("id=\"enrol-link\" href=\"/login/totp\"");

            var form = browser.get("/login/totp");
            assertThat(form.status()).isEqualTo(200);
            var wrong = browser.post("/login/totp", Map.of("username", "admin", "password", "wrong-one-A1"), form);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("id=\"totp-error\"").doesNotContain("totp-secret");

            var enrolled = browser.post("/login/totp", credentials, form);
            assertThat(enrolled.status()).isEqualTo(200);
            Matcher shown = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(enrolled.body());
            assertThat(shown.find()).as("secret shown for manual entry").isTrue();
            String secret = shown.group(1).replace(" ", "");
            assertThat(enrolled.body()).contains("id=\"totp-qr\"").contains("src=\"data:image/svg+xml;base64,");
            assertThat(browser.post("/login/totp", credentials, form).status()).as("shown once").isEqualTo(409);

            assertThat(browser.post("/login", credentials, browser.get("/login")).location()).endsWith("/login?error=totp");
            String code = Totp.totp(Totp.base32Decode(secret), Instant.now(), 6, "HmacSHA1");
            var in = browser.post("/login", Map.of("username", "admin", "password", STRONG_ADMIN, "totp", code),
                    browser.get("/login"));
            assertThat(in.location()).as("signed in").doesNotContain("error").endsWith("/");
            assertThat(browser.get("/").status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(String db, String adminPassword, AtomicBoolean listened) {
        // command-line arguments, since default properties would lose against application.properties
        return new SpringApplicationBuilder(MedUnionApplication.class)
                .profiles("prod")
                .listeners((ApplicationListener<WebServerInitializedEvent>) e -> listened.set(true))
                .run("--spring.datasource.url=" + db, "--spring.datasource.username=sa", "--spring.datasource.password=",
                        "--server.port=0", "--medunion.admin-password=" + adminPassword,
                        "--medunion.data-dir=" + System.getProperty("java.io.tmpdir") + "/medunion-posture");
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:posture-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
