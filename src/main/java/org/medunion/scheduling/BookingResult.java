package org.medunion.scheduling;

/**
 * The outcome of a booking request.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key made this booking
 */
public record BookingResult(BookingView booking, boolean replayed) {
}
