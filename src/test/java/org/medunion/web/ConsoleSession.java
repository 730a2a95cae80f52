package org.medunion.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A browser-less console user for tests: a cookie jar, form login with the CSRF token from the page,
 * and form posts that carry the token the way the console's forms do. Redirects are not followed, so
 * tests see the 302s.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    private ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static ConsoleSession anonymous(int port) {
        return new ConsoleSession(port);
    }

    /** Logs in through the login form (password {@code demo} unless given). */
    public static ConsoleSession login(int port, String username) {
        return login(port, username, "demo");
    }

    static ConsoleSession login(int port, String username, String password) {
        var s = new ConsoleSession(port);
        var r = s.postForm("/login", Map.of("username", username, "password", password), s.csrfFrom(s.get("/login").body()));
        if (r.status() != 302 || r.location().contains("error")) {
            throw new IllegalStateException("console login of " + username + " failed: " + r.status() + " " + r.location());
        }
        return s;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "text/html"));
    }

    Page getHtmx(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("HX-Request", "true"));
    }

    /** Posts a form with the CSRF token taken from the given page (as the browser would submit it). */
    public Page post(String path, Map<String, String> fields, Page pageWithForm) {
        return postForm(path, fields, csrfFrom(pageWithForm.body()));
    }

    /** Posts a form whose fields may repeat (ticked checkboxes, table rows), with the page's CSRF token. */
    public Page post(String path, java.util.List<Map.Entry<String, String>> fields, Page pageWithForm) {
        var all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrfFrom(pageWithForm.body())));
        String body = all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html"));
    }

    /** Posts a form with a file (multipart/form-data), the page's CSRF token among its fields. */
    public Page postFile(String path, Map<String, String> fields, String fileField, String filename, byte[] file, Page pageWithForm) {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfFrom(pageWithForm.body()));
        var body = org.medunion.support.Multipart.of(all, fileField, filename, file);
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
                .header("Content-Type", body.contentType()).header("Accept", "text/html"));
    }

    Page postWithoutCsrf(String path, Map<String, String> fields) {
        return postForm(path, fields, null);
    }

    private Page postForm(String path, Map<String, String> fields, @Nullable String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html"));
    }

    String csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        Matcher meta = META.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new IllegalStateException("no CSRF token in page");
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Page(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(),
                    r.headers().firstValue("Location").orElse(""), r.headers().firstValue("Content-Type").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    public record Page(int status, String body, byte[] bytes, String location, String contentType) {
    }
}
