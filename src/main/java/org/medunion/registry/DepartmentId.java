package org.medunion.registry;

import java.util.UUID;

/** Typed ID of a department; other modules keep only this, never a foreign key. */
public record DepartmentId(UUID value) {

    public DepartmentId {
        java.util.Objects.requireNonNull(value, "value");
    }

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
