package org.medunion.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of a grid; other modules keep only this, never a foreign key. In JSON it is the bare UUID string. */
public record GridId(@JsonValue UUID value) {

    public GridId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
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
