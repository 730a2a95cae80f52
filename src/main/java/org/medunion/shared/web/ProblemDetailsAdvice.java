package org.medunion.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the REST API into an RFC 9457 problem detail with a stable {@code code}, the
 * {@code field} it concerns and a message in the caller's language; bad input never becomes a 5xx.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MedUnionException.class)
    ResponseEntity<ProblemDetail> domain(MedUnionException e, HttpServletRequest request) {
        ProblemDetail body = problem(HttpStatusCode.valueOf(e.status()), e.code(), e.field(),
                message(e.code(), e.field(), e.arguments().toArray()), request);
        if (e instanceof RuleViolationException rv) {
            body.setProperty("violations", rv.violations());
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("integrity violation on {}: {}", request.getRequestURI(), e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(409).body(problem(HttpStatus.CONFLICT, "common.duplicate", null,
                message("common.duplicate", null), request));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return ResponseEntity.status(409).body(problem(HttpStatus.CONFLICT, "common.staleVersion", "version",
                message("common.staleVersion", "version"), request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(403).body(problem(HttpStatus.FORBIDDEN, "auth.forbidden", null,
                message("auth.forbidden", null), request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(500).body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "common.internal", null,
                message("common.internal", null), request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = null;
        String code = "request.malformed";
        List<Object> args = new ArrayList<>();
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            field = path(je);
        }
        if (cause instanceof GuardedTextDeserializer.Refused refused) {
            code = refused.rule();
            args.addAll(List.of(refused.arguments()));
        } else if (cause instanceof InvalidFormatException ife) {
            code = ife.getTargetType() != null && ife.getTargetType().isEnum() ? "request.unknownValue" : "request.wrongType";
            args.add(String.valueOf(ife.getValue()));
            args.add(allowed(ife.getTargetType()));
        } else if (cause instanceof UnrecognizedPropertyException) {
            code = "request.unknownField";
        } else if (cause instanceof MismatchedInputException && field != null) {
            code = "request.wrongType";
            args.add("");
            args.add("");
        }
        var body = problem(HttpStatus.BAD_REQUEST, code, field, message(code, field, args.toArray()), servlet(request));
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> {
            Map<String, String> err = new LinkedHashMap<>();
            err.put("field", fe.getField());
            err.put("rule", fe.getCode());
            err.put("message", fe.getDefaultMessage());
            errors.add(err);
        });
        String field = errors.isEmpty() ? null : errors.get(0).get("field");
        String rule = errors.isEmpty() ? "request.invalid" : "validation." + errors.get(0).get("rule");
        var body = problem(HttpStatus.BAD_REQUEST, rule, field,
                message("request.invalidField", field, field, errors.isEmpty() ? "" : errors.get(0).get("message")),
                servlet(request));
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        String field = e.getParameterValidationResults().isEmpty() ? null
                : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        var body = problem(HttpStatus.BAD_REQUEST, "request.invalid", field,
                message("request.invalidField", field, field, e.getMessage()), servlet(request));
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> type = e.getRequiredType();
        String code = type != null && type.isEnum() ? "request.unknownValue" : "request.wrongType";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, code, e.getName(),
                message(code, e.getName(), String.valueOf(e.getValue()), allowed(type)), request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                                       HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problem details (415, 405, 406 …) get our code property too.
        if (body instanceof ProblemDetail pd && pd.getProperties() == null) {
            pd.setProperty("code", "request." + statusCode.value());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ProblemDetail problem(HttpStatusCode status, String code, @Nullable String field, String detail,
                                  @Nullable HttpServletRequest request) {
        return problems.problem(status, code, field, detail, request);
    }

    private String message(String code, @Nullable String field, @Nullable Object... args) {
        return problems.message(code, field, args);
    }

    private static String path(JacksonException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String allowed(@Nullable Class<?> type) {
        if (type == null || !type.isEnum()) {
            return "";
        }
        var names = new ArrayList<String>();
        for (Object c : type.getEnumConstants()) {
            names.add(((Enum<?>) c).name());
        }
        return String.join(", ", names);
    }

    private static @Nullable HttpServletRequest servlet(WebRequest request) {
        return request instanceof ServletWebRequest swr ? swr.getRequest() : null;
    }
}
