package org.medunion.scheduling;

import java.util.Objects;
import java.util.UUID;

/** Typed ID of a schedule; other modules keep only this, never a foreign key. */
public record ScheduleId(UUID value) {

    public ScheduleId {
        Objects.requireNonNull(value, "value");
    }

    public static ScheduleId of(String value) {
        return new ScheduleId(UUID.fromString(value));
    }

    public static ScheduleId random() {
        return new ScheduleId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
