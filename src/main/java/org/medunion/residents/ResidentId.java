package org.medunion.residents;

import java.util.Objects;
import java.util.UUID;

/** Typed ID of a resident; other modules keep only this, never a foreign key. */
public record ResidentId(UUID value) {

    public ResidentId {
        Objects.requireNonNull(value, "value");
    }

    public static ResidentId of(String value) {
        return new ResidentId(UUID.fromString(value));
    }

    public static ResidentId random() {
        return new ResidentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
