package org.medunion.scheduling;

/** State of a booking; only {@code BOOKED} holds its slot. */
public enum BookingStatus {
    BOOKED, CANCELLED, NO_SHOW, ATTENDED
}
