package org.medunion.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * S-1: a generated matrix of every REST endpoint under /api × every role (and anonymous). Each endpoint is called
 * with placeholder path variables (random UUIDs) and an empty JSON object as body, and its status is recorded:
 * 401 and 403 are denials; 400/422 mean the input was refused before any role check that comes after validation;
 * 404 that the placeholder object does not exist (or is outside the caller's scope); 2xx that the call went through.
 * The reviewed expectation lives in {@code src/test/resources/security/access-matrix.csv}; a new endpoint, or a
 * changed answer, fails the test with the row to review. Independently of that file: no endpoint answers a 5xx to
 * anyone, and anonymous callers get nothing but the token endpoint. Scope (the same role at another institution
 * or consortium) is tested per module, where real objects exist (see docs/security.md).
 * Regenerate after review with {@code -Dmedunion.matrix.write=true}.
 */
abstract class AccessMatrixContract {

    static final List<String> USERS = List.of("admin", "planner", "office", "gp", "specialist", "pharmacist", "centre",
            "integrator", "secadmin", "auditor");
    static final String FILE = "src/test/resources/security/access-matrix.csv";
    static final List<String> PUBLIC = List.of("POST /api/auth/token", "POST /api/auth/refresh", "POST /api/auth/totp");
    /** Endpoints that end the calling token: called with a fresh login so the cached token survives. */
    static final List<String> SELF_REVOKING = List.of("POST /api/auth/logout");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointTimesEveryRoleMatchesTheReviewedMatrix() throws IOException {
        var endpoints = endpoints();
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(50);
        Map<String, String> actual = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> anonymousIn = new ArrayList<>();
        for (String endpoint : endpoints) {
            List<String> row = new ArrayList<>();
            row.add(outcome(Api.anonymous(port), endpoint, "anonymous", serverErrors));
            if (!row.get(0).equals("401") && !PUBLIC.contains(endpoint)) {
                anonymousIn.add(endpoint);
            }
            for (String user : USERS) {
                row.add(outcome(SELF_REVOKING.contains(endpoint) ? freshLogin(user) : Api.as(port, user), endpoint, user,
                        serverErrors));
            }
            actual.put(endpoint, String.join(",", row));
        }
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(anonymousIn).as("endpoints open to anonymous callers").isEmpty();

        String header = "endpoint,anonymous," + String.join(",", USERS);
        var lines = new ArrayList<String>();
        lines.add(header);
        actual.forEach((e, row) -> lines.add(e + "," + row));
        if (Boolean.getBoolean("medunion.matrix.write")) {
            Files.write(Path.of(FILE), lines, StandardCharsets.UTF_8);
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(FILE), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.equals(header)) {
                int comma = line.indexOf(',');
                expected.put(line.substring(0, comma), line.substring(comma + 1));
            }
        }
        List<String> differences = new ArrayList<>();
        for (var e : actual.entrySet()) {
            String want = expected.get(e.getKey());
            if (!e.getValue().equals(want)) {
                differences.add(e.getKey() + "," + e.getValue() + "   (reviewed: " + (want == null ? "missing" : want) + ")");
            }
        }
        expected.keySet().stream().filter(k -> !actual.containsKey(k)).forEach(k -> differences.add(k + " no longer exists"));
        assertThat(differences).as("endpoint × role answers differing from " + FILE + " (columns: " + header + ")")
                .isEmpty();
    }

    private Api freshLogin(String user) {
        var r = Api.anonymous(port).post("/api/auth/token", "{\"username\":\"" + user + "\",\"password\":\"demo\"}");
        return Api.withToken(port, r.json().get("token").asString());
    }

    /**
     * The body type each endpoint is probed with: JSON, unless none of its handlers takes JSON (a CSV import), then the
     * first type it takes that is not multipart; a 415 for everyone would say nothing about access.
     */
    private final Map<String, String> bodyTypes = new TreeMap<>();

    /** "METHOD /path" of every handler under /api, sorted. */
    private List<String> endpoints() {
        var out = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var consumes = info.getConsumesCondition().getConsumableMediaTypes();
            boolean json = consumes.isEmpty() || consumes.stream().anyMatch(t -> t.includes(MediaType.APPLICATION_JSON));
            String other = consumes.stream().filter(t -> !t.isWildcardType() && !"multipart".equals(t.getType()))
                    .map(MediaType::toString).findFirst().orElse(null); // null: multipart only, probed by its sibling
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                var keys = methods.isEmpty() ? List.of("GET " + path) : methods.stream().map(m -> m.name() + " " + path).toList();
                for (String key : keys) {
                    out.add(key);
                    String type = json ? MediaType.APPLICATION_JSON_VALUE : other;
                    if (type != null) {
                        bodyTypes.merge(key, type, (a, b) -> a.equals(MediaType.APPLICATION_JSON_VALUE) ? a : b);
                    }
                }
            }
        });
        return new ArrayList<>(out);
    }

    private String outcome(Api api, String endpoint, String who, List<String> serverErrors) {
        int space = endpoint.indexOf(' ');
        String method = endpoint.substring(0, space);
        String path = endpoint.substring(space + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        String type = bodyTypes.getOrDefault(endpoint, MediaType.APPLICATION_JSON_VALUE);
        boolean json = type.equals(MediaType.APPLICATION_JSON_VALUE);
        var response = api.send(method, path, body ? (json ? "{}" : "") : null,
                body ? Map.of("Content-Type", type, "Accept", "application/json")
                        : Map.of("Accept", "application/json"));
        int status = response.status();
        if (status >= 500) {
            serverErrors.add(endpoint + " as " + who + ": " + status + " " + response.body());
        }
        return String.valueOf(status);
    }
}
