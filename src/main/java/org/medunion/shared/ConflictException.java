package org.medunion.shared;

import org.jspecify.annotations.Nullable;

/** The request is valid but collides with current state (taken slot, stale version, duplicate): 409. */
public class ConflictException extends MedUnionException {

    public ConflictException(String code, @Nullable String field, @Nullable Object... arguments) {
        super(code, field, arguments);
    }

    public ConflictException(ErrorCode code, @Nullable String field, @Nullable Object... arguments) {
        this(code.code(), field, arguments);
    }

    @Override
    public int status() {
        return 409;
    }
}
