package org.medunion.registry;

import java.util.UUID;

/** Typed ID of a institution; other modules keep only this, never a foreign key. */
public record InstitutionId(UUID value) {

    public InstitutionId {
        java.util.Objects.requireNonNull(value, "value");
    }

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
