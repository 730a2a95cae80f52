package org.medunion.fhir.internal;

import java.util.Map;
import org.medunion.shared.InvalidInputException;

/**
 * Translates a registry field name in an error ({@code creditCode}) into the FHIRPath of the element
 * the client sent ({@code Organization.identifier[0].value}), so OperationOutcome.issue.expression
 * always names a FHIR element.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static RuntimeException translate(InvalidInputException e, String resourceType, Map<String, String> paths) {
        String field = e.field();
        if (field == null || field.startsWith(resourceType + ".")) {
            return e;
        }
        String key = field.replaceAll("[\\[.].*$", "");
        String path = paths.get(field) != null ? paths.get(field) : paths.get(key);
        if (path == null) {
            path = resourceType;
        }
        var translated = new InvalidInputException(path, e.code(), e.arguments().toArray());
        translated.initCause(e);
        return translated;
    }
}
