package org.medunion.diagnostics.internal;

import org.medunion.scheduling.BookingCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A booking cancelled in scheduling — by the order's own cancellation or rejection, or by the GP or the hospital on the
 * schedules page — no longer holds the order's exam slot: the order shows it released (decision 0236). Runs in the
 * cancelling transaction, so the two never disagree.
 */
@Component
class ExamBookingReleases {

    private final OrderExamStore store;

    ExamBookingReleases(OrderExamStore store) {
        this.store = store;
    }

    @EventListener
    void on(BookingCancelled event) {
        store.release(event.bookingId().value(), event.at());
    }
}
