package org.medunion.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of a institution; other modules keep only this, never a foreign key. In JSON it is the bare UUID string. */
public record InstitutionId(@JsonValue UUID value) {

    public InstitutionId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static InstitutionId of(String value) {
        return new InstitutionId(UUID.fromString(value));
    }

    public static InstitutionId random() {
        return new InstitutionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
