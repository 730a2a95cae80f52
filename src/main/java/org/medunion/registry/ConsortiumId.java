package org.medunion.registry;

import java.util.UUID;

/** Typed ID of a consortium; other modules keep only this, never a foreign key. */
public record ConsortiumId(UUID value) {

    public ConsortiumId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static ConsortiumId of(String value) {
        return new ConsortiumId(UUID.fromString(value));
    }

    public static ConsortiumId random() {
        return new ConsortiumId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
