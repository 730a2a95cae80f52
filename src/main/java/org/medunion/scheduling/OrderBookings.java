package org.medunion.scheduling;

/**
 * A booking another module made with an order of its own (a diagnostics order's exam slot, decision 0236) ends with
 * that order: when the order is cancelled or rejected, the ordering module releases the booking. That module has
 * checked that its caller may end the order (a centre's staff may reject an order without managing the hospital's
 * schedules), so this skips the caller's scheduling scope; it releases nothing else.
 */
public interface OrderBookings {

    /**
     * Cancels the booking as {@code actor}; the slot returns FREE to the pool it came from (public if its release time
     * has passed), as with {@link SchedulingManagement#cancel}. A booking no longer active (cancelled in scheduling,
     * attended, no-show) is returned unchanged.
     */
    BookingView releaseForOrder(BookingId id, String actor);
}
