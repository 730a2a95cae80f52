package org.medunion.indicators;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of an assessment; in JSON a plain UUID string. */
public record AssessmentId(UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AssessmentId(UUID value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    @JsonValue
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
