package org.medunion.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.ErrorCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the one error shape of the REST API (RFC 9457 problem detail with {@code code} and {@code field}) and,
 * for filters that answer before any controller or HAPI runs, writes it or its FHIR twin (an OperationOutcome
 * whose {@code expression} names the field, as the fhir module's interceptor does).
 */
@Component
class Problems {

    static final String TYPE_BASE = "https://medunion.example/problems/";
    private static final String ERROR_SYSTEM = "https://medunion.example/fhir/CodeSystem/error";

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    ProblemDetail problem(HttpStatusCode status, String code, @Nullable String field, String detail,
                          @Nullable HttpServletRequest request) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_BASE + code));
        HttpStatus known = HttpStatus.resolve(status.value());
        pd.setTitle(message(code + ".title", field, known == null ? "Error" : known.getReasonPhrase()));
        pd.setProperty("code", code);
        if (field != null) {
            pd.setProperty("field", field);
        }
        if (request != null) {
            pd.setInstance(URI.create(request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return pd;
    }

    /** The caller's-language text of {@code error.<code>}; argument 0 is the field. */
    String message(String code, @Nullable String field, @Nullable Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] withField = new Object[args.length + 1];
        withField[0] = field == null ? "" : field;
        System.arraycopy(args, 0, withField, 1, args.length);
        String fallback = code.endsWith(".title") ? String.valueOf(args.length > 0 ? args[0] : code) : code;
        return Objects.requireNonNull(messages.getMessage("error." + code, withField, fallback, locale), "a default message is given");
    }

    /** Answers a request no controller will see: a problem detail, or an OperationOutcome under {@code /fhir}. */
    void write(HttpServletRequest request, HttpServletResponse response, int status, ErrorCode error, String field)
            throws IOException {
        String text = message(error.code(), field);
        Map<String, Object> body;
        if (request.getRequestURI().startsWith("/fhir")) {
            response.setContentType("application/fhir+json;charset=UTF-8");
            body = outcome(status, error.code(), field, text);
        } else {
            response.setContentType("application/problem+json;charset=UTF-8");
            ProblemDetail pd = problem(HttpStatusCode.valueOf(status), error.code(), field, text, request);
            body = new LinkedHashMap<>();
            body.put("type", Objects.requireNonNull(pd.getType(), "problem() sets the type").toString());
            body.put("title", pd.getTitle());
            body.put("status", status);
            body.put("detail", text);
            body.put("instance", String.valueOf(pd.getInstance()));
            body.putAll(pd.getProperties());
        }
        response.setStatus(status);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    private static Map<String, Object> outcome(int status, String code, @Nullable String field, String text) {
        String type = switch (status) {
            case 409 -> "conflict";
            case 422 -> "business-rule";
            default -> "invalid";
        };
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("coding", List.of(Map.of("system", ERROR_SYSTEM, "code", code)));
        details.put("text", text);
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("severity", "error");
        issue.put("code", type);
        issue.put("details", details);
        issue.put("diagnostics", text);
        if (field != null) {
            issue.put("expression", List.of(field));
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("resourceType", "OperationOutcome");
        outcome.put("issue", List.of(issue));
        return outcome;
    }
}
