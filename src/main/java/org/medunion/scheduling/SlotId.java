package org.medunion.scheduling;

import java.util.Objects;
import java.util.UUID;

/** Typed ID of a slot; other modules keep only this, never a foreign key. */
public record SlotId(UUID value) {

    public SlotId {
        Objects.requireNonNull(value, "value");
    }

    public static SlotId of(String value) {
        return new SlotId(UUID.fromString(value));
    }

    public static SlotId random() {
        return new SlotId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
