package org.medunion.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of a consortium; other modules keep only this, never a foreign key. In JSON it is the bare UUID string. */
public record ConsortiumId(@JsonValue UUID value) {

    public ConsortiumId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
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
