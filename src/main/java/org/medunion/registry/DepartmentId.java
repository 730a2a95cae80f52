package org.medunion.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of a department; other modules keep only this, never a foreign key. In JSON it is the bare UUID string. */
public record DepartmentId(@JsonValue UUID value) {

    public DepartmentId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static DepartmentId of(String value) {
        return new DepartmentId(UUID.fromString(value));
    }

    public static DepartmentId random() {
        return new DepartmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
