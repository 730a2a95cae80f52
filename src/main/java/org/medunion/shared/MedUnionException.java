package org.medunion.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Base of the errors a caller can act on. Each carries a stable code (e.g. {@code REGISTRY-0003},
 * {@code GB32100.checksum}) that is also a message-bundle key, the field it concerns, and arguments
 * for the message. The REST layer maps it to RFC 9457 problem details, the FHIR layer to an
 * OperationOutcome whose {@code expression} names the field.
 */
public abstract class MedUnionException extends RuntimeException {

    private final String code;
    private final @Nullable String field;
    private final List<Object> arguments;

    protected MedUnionException(String code, @Nullable String field, @Nullable Object... arguments) {
        super(code + (field == null ? "" : " [" + field + "]"));
        this.code = code;
        this.field = field;
        this.arguments = List.of(nonNull(arguments));
    }

    private static Object[] nonNull(Object[] arguments) {
        Object[] copy = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            copy[i] = arguments[i] == null ? "" : arguments[i];
        }
        return copy;
    }

    public String code() {
        return code;
    }

    public @Nullable String field() {
        return field;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** HTTP status this error maps to. */
    public abstract int status();
}
