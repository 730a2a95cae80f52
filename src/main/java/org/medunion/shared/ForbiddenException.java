package org.medunion.shared;

import org.jspecify.annotations.Nullable;

/** The caller is authenticated but the object or action lies outside their role or scope: 403. */
public class ForbiddenException extends MedUnionException {

    public ForbiddenException(String code, @Nullable Object... arguments) {
        super(code, null, arguments);
    }

    public ForbiddenException(ErrorCode code, @Nullable Object... arguments) {
        this(code.code(), arguments);
    }

    @Override
    public int status() {
        return 403;
    }
}
