package org.medunion.registry;

import java.util.UUID;

/** Typed ID of a grid; other modules keep only this, never a foreign key. */
public record GridId(UUID value) {

    public GridId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static GridId of(String value) {
        return new GridId(UUID.fromString(value));
    }

    public static GridId random() {
        return new GridId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
