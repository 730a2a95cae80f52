package org.medunion.shared.web;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Published when a stored first answer goes out again for a repeated {@code Idempotency-Key}. The answer may
 * hold personal data (a registration, a booking), so the module that owns the path audits the replay like the
 * first answer; the shared plumbing cannot, it knows neither the audit trail nor what the body is about.
 *
 * @param path the request path, e.g. {@code /api/residents} or {@code /fhir/Appointment}
 */
public record IdempotentReplay(String username, String method, String path, @Nullable String contentType, byte[] body) {

    /** The answer as text (JSON answers are UTF-8). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Audit detail naming what was replayed. */
    public String detail() {
        return "Idempotency-Key replay of " + method + " " + path;
    }
}
