package org.medunion.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that talk to the running application as an integrator would:
 * real sockets, real JSON, bearer tokens from {@code POST /api/auth/token}.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    private final String base;
    private final String token;

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static Api anonymous(int port) {
        return new Api("http://127.0.0.1:" + port, null);
    }

    /** Logs in as one of the demo accounts (password {@code demo}); tokens are cached per port and user. */
    public static Api as(int port, String username) {
        String key = port + "/" + username;
        String token;
        synchronized (TOKENS) {
            token = TOKENS.get(key);
        }
        if (token == null) {
            var r = anonymous(port).post("/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo\"}");
            if (r.status() != 200) {
                throw new IllegalStateException("login of " + username + " failed: " + r.status() + " " + r.body());
            }
            token = r.json().get("token").asString();
            synchronized (TOKENS) {
                TOKENS.put(key, token);
            }
        }
        return new Api("http://127.0.0.1:" + port, token);
    }

    /** A caller holding the given bearer token (tests of logout, refresh and account administration). */
    public static Api withToken(int port, String token) {
        return new Api("http://127.0.0.1:" + port, token);
    }

    public Response get(String path) {
        return send(request(path).GET().header("Accept", "application/json"));
    }

    public Response getFhir(String path) {
        return send(request(path).GET().header("Accept", "application/fhir+json"));
    }

    public Response post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"));
    }

    public Response postFhir(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json"));
    }

    public Response putFhir(String path, String json, String ifMatch) {
        var b = request(path).PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(b);
    }

    public Response put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any request, for headers the shortcuts above do not set (Idempotency-Key, Accept-Language …). */
    public Response send(String method, String path, String body, Map<String, String> headers) {
        var b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b);
    }

    /** A request with a binary body (a file upload, a CSV in another encoding). */
    public Response sendBytes(String method, String path, byte[] body, String contentType) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
    }

    private HttpRequest.Builder request(String path) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, byte[] bytes, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** This answer if it has the expected status; otherwise the test stops with the status and the body. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
