package org.medunion.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem answers written by the security filters, before any controller runs: FHIR clients get an
 * OperationOutcome, REST clients an RFC 9457 problem detail with {@code code}.
 */
final class AuthProblems {

    private AuthProblems() {
    }

    static void write(HttpServletResponse response, String uri, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (uri.contains("/fhir/")) {
            response.setContentType("application/fhir+json");
            String issue = status == 401 ? "login" : status == 429 ? "throttled" : "forbidden";
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                    + issue + "\",\"diagnostics\":\"" + message + "\"}]}");
        } else {
            response.setContentType("application/problem+json");
            String title = status == 401 ? "Unauthorized" : status == 429 ? "Too Many Requests" : "Forbidden";
            response.getWriter().write("{\"type\":\"https://medunion.example/problems/auth." + code + "\",\"title\":\""
                    + title + "\",\"status\":" + status + ",\"detail\":\"" + message
                    + "\",\"code\":\"auth." + code + "\",\"instance\":\"" + uri.replace("\"", "") + "\"}");
        }
    }
}
