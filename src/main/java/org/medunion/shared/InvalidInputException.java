package org.medunion.shared;

import org.jspecify.annotations.Nullable;

/** A value breaks a validation rule: 400, naming the field and the rule. */
public class InvalidInputException extends MedUnionException {

    public InvalidInputException(String field, String rule, @Nullable Object... arguments) {
        super(rule, field, arguments);
    }

    public InvalidInputException(String field, ErrorCode rule, @Nullable Object... arguments) {
        this(field, rule.code(), arguments);
    }

    @Override
    public int status() {
        return 400;
    }
}
