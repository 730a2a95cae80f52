package org.medunion.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of a practitioner; other modules keep only this, never a foreign key. In JSON it is the bare UUID string. */
public record PractitionerId(@JsonValue UUID value) {

    public PractitionerId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
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
