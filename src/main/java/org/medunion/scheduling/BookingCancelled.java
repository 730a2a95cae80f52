package org.medunion.scheduling;

import java.time.Instant;

/** A booking was cancelled and its slot returned to its pool. */
public record BookingCancelled(BookingId bookingId, SlotId slotId, SlotPool returnedTo, Instant at) {
}
