package org.medunion.fhir.internal;

import java.util.Map;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.RuleViolationException;

/**
 * Translates a registry field name in an error ({@code creditCode}) into the FHIRPath of the element
 * the client sent ({@code Organization.identifier}), so OperationOutcome.issue.expression always names
 * a FHIR element. Other errors pass unchanged.
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    public static RuntimeException translate(RuntimeException error, String resourceType, Map<String, String> paths) {
        if (error instanceof RuleViolationException rv) {
            var violations = rv.violations().stream().map(v -> new RuleViolationException.Violation(v.ruleId(), v.clause(),
                    v.message(), v.field() == null ? null : path(v.field(), resourceType, paths), v.objects())).toList();
            var translated = new RuleViolationException(violations);
            translated.initCause(error);
            return translated;
        }
        if (!(error instanceof InvalidInputException || error instanceof ConflictException)) {
            return error;
        }
        var e = (MedUnionException) error;
        String field = e.field();
        if (field == null || field.startsWith(resourceType + ".")) {
            return error;
        }
        String path = path(field, resourceType, paths);
        Object[] args = e.arguments().toArray();
        RuntimeException translated = error instanceof ConflictException
                ? new ConflictException(e.code(), path, args)
                : new InvalidInputException(path, e.code(), args);
        translated.initCause(error);
        return translated;
    }

    private static String path(String field, String resourceType, Map<String, String> paths) {
        if (field.startsWith(resourceType + ".")) {
            return field;
        }
        String key = field.replaceAll("[\\[.].*$", "");
        String path = paths.get(field) != null ? paths.get(field) : paths.get(key);
        if (path == null) {
            path = "version".equals(key) ? resourceType + ".meta.versionId" : resourceType;
        }
        return path;
    }
}
