package org.medunion.fhir.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;

/** The one reader of a reference a client sends: {@code <type>/<uuid>}, a bare UUID, with or without {@code /_history}. */
public final class References {

    private References() {
    }

    /** The UUID of {@code reference}; missing is a 400 naming {@code field} as required, anything else as the wrong type. */
    public static UUID uuid(@Nullable String reference, @Nullable String type, String field) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        String s = reference.trim();
        if (type != null && s.startsWith(type + "/")) {
            s = s.substring(type.length() + 1);
        }
        int history = s.indexOf("/_history");
        if (history > 0) {
            s = s.substring(0, history);
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "request.wrongType", reference, type == null ? "UUID" : type + "/<uuid>");
        }
    }
}
