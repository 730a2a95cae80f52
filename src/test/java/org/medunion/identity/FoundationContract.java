package org.medunion.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public contract every integrator touches first: tokens, lock-out, FHIR metadata and errors.
 * Runs on H2 and on PostgreSQL through the subclasses.
 */
abstract class FoundationContract {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Test
    void demoAccountGetsABearerToken() {
        var r = Api.anonymous(port).post("/api/auth/token", "{\"username\":\"planner\",\"password\":\"demo\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("token").asString()).hasSizeGreaterThan(30);
        assertThat(r.json().get("role").asString()).isEqualTo("PLANNER");
    }

    @Test
    void wrongPasswordIs401WithProblemDetail() {
        var r = Api.anonymous(port).post("/api/auth/token", "{\"username\":\"planner\",\"password\":\"nope\"}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("auth.badCredentials");
    }

    @Test
    void missingFieldIs400NamingIt() {
        var r = Api.anonymous(port).post("/api/auth/token", "{\"username\":\"planner\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asString()).isEqualTo("password");
    }

    @Test
    void malformedJsonIs400() {
        var r = Api.anonymous(port).post("/api/auth/token", "{\"username\":");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("request.malformed");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        // a dedicated account so the demo accounts stay usable for other tests
        String username = "lock-" + System.nanoTime();
        accounts.ensureAccount(new AccountManagement.NewAccount(username, "demo", "Lock test", Role.GP, Scope.global()));
        var anon = Api.anonymous(port);
        assertThat(anon.post("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo\"}").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(anon.post("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"wrong\"}").status()).isEqualTo(401);
        }
        var locked = anon.post("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo\"}");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("code").asString()).isEqualTo("auth.locked");
    }

    @Test
    void whoamiAnswersWithTheTokensAccount() {
        var r = Api.as(port, "planner").get("/api/auth/whoami");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("username").asString()).isEqualTo("planner");
        assertThat(r.json().get("scope").get("type").asString()).isEqualTo("JURISDICTION");
    }

    @Test
    void fhirMetadataIsPublicAndResourcesAreNot() {
        var anon = Api.anonymous(port);
        var meta = anon.getFhir("/fhir/metadata");
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().get("resourceType").asString()).isEqualTo("CapabilityStatement");
        var read = anon.getFhir("/fhir/Organization");
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void apiWithoutTokenIs401ProblemDetail() {
        var r = Api.anonymous(port).get("/api/auth/whoami");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
    }

    @Test
    void oversizedBodyIs413() {
        var huge = "{\"username\":\"" + "x".repeat(2_000_000) + "\",\"password\":\"demo\"}";
        var r = Api.anonymous(port).post("/api/auth/token", huge);
        assertThat(r.status()).isEqualTo(413);
    }

    /** A chunked body declares no length; the filter reads it up to the limit instead of trusting the header. */
    @Test
    void oversizedChunkedBodyIs413_smallChunkedBodyStillWorks() throws Exception {
        var huge = "{\"username\":\"" + "x".repeat(2_000_000) + "\",\"password\":\"demo\"}";
        assertThat(chunked("/api/auth/token", huge, "application/json").statusCode()).isEqualTo(413);
        var fhir = chunked("/fhir/Organization", "{\"resourceType\":\"Organization\",\"name\":\"" + "x".repeat(2_000_000)
                + "\"}", "application/fhir+json");
        assertThat(fhir.statusCode()).isEqualTo(413);
        assertThat(fhir.body()).contains("OperationOutcome");
        var small = chunked("/api/auth/token", "{\"username\":\"admin\",\"password\":\"demo\"}", "application/json");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(small.body()).contains("token");
    }

    private java.net.http.HttpResponse<String> chunked(String path, String body, String type) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
