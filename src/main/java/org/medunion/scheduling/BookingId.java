package org.medunion.scheduling;

import java.util.Objects;
import java.util.UUID;

/** Typed ID of a booking; other modules keep only this, never a foreign key. */
public record BookingId(UUID value) {

    public BookingId {
        Objects.requireNonNull(value, "value");
    }

    public static BookingId of(String value) {
        return new BookingId(UUID.fromString(value));
    }

    public static BookingId random() {
        return new BookingId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
