package org.medunion.registry;

import java.util.UUID;

/** Typed ID of a practitioner; other modules keep only this, never a foreign key. */
public record PractitionerId(UUID value) {

    public PractitionerId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static PractitionerId of(String value) {
        return new PractitionerId(UUID.fromString(value));
    }

    public static PractitionerId random() {
        return new PractitionerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
