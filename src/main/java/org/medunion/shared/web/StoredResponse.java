package org.medunion.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first 2xx answer to a request with an {@code Idempotency-Key}: what a repeat gets back byte for byte.
 *
 * @param requestHash SHA-256 of method, path, query and body of the request it answered
 * @param headers     the headers that describe the body (content type, encoding, location, ETag …)
 */
record StoredResponse(String requestHash, String endpoint, int status, Map<String, String> headers, byte[] body) {

    /** Headers as stored: one {@code Name: value} per line (header values never hold a line break). */
    String headerLines() {
        var sb = new StringBuilder();
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append('\n'));
        return sb.toString();
    }

    static Map<String, String> parseHeaders(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }
}
