package org.medunion.scheduling.internal;

import java.time.Clock;
import java.time.Instant;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.scheduling.BookingCancelled;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingStatus;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotView;
import org.medunion.scheduling.internal.SchedulingAccess.Caller;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** After booking: cancellation (the slot goes back to its pool), and the hospital's no-show and attendance. */
@Component
class BookingChanges {

    private final SchedulingStore store;
    private final SchedulingAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    BookingChanges(SchedulingStore store, SchedulingAccess access, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                   PlatformTransactionManager transactions) {
        this.store = store;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    BookingView cancel(BookingId id) {
        Caller c = access.caller();
        BookingView b = store.booking(id).orElseThrow(() -> new NotFoundException("Booking", id));
        if (!access.mayChange(c, b)) {
            throw new ForbiddenException(SchedulingError.BOOKING_NOT_CHANGEABLE, id);
        }
        return tx.execute(s -> cancel(b, c.username()));
    }

    /** Behind {@link org.medunion.scheduling.OrderBookings}: the ordering module checked its caller; inactive is left as is. */
    BookingView releaseForOrder(BookingId id, String actor) {
        BookingView b = store.booking(id).orElseThrow(() -> new NotFoundException("Booking", id));
        if (b.status() != BookingStatus.BOOKED) {
            return b;
        }
        return tx.execute(s -> cancel(b, actor));
    }

    /** One transaction's cancellation: the booking CANCELLED, the slot FREE in the pool it came from, audit and event. */
    private BookingView cancel(BookingView b, String actor) {
        BookingId id = b.id();
        Instant now = clock.instant();
        changeStatus(id, BookingStatus.CANCELLED, actor, now);
        SlotView slot = store.slot(b.slotId()).orElseThrow();
        boolean backToReserved = slot.reserved() && slot.releaseAt() != null && slot.releaseAt().isAfter(now);
        SlotPool pool = backToReserved ? SlotPool.PRIMARY_CARE_RESERVED : SlotPool.PUBLIC;
        Instant releasedAt = slot.reserved() && !backToReserved ? (slot.releasedAt() != null ? slot.releasedAt() : now) : null;
        store.free(slot.id(), pool, releasedAt, now);
        audit.record(AuditAction.UPDATE, "Booking", id.toString(), b.residentId().toString(), "cancelled; slot back to " + pool);
        events.publishEvent(new BookingCancelled(id, slot.id(), pool, now));
        return store.booking(id).orElseThrow();
    }

    /** The hospital records whether the resident came ({@code ATTENDED} or {@code NO_SHOW}). */
    BookingView hospitalRecords(BookingId id, BookingStatus to) {
        Caller c = access.caller();
        BookingView b = store.booking(id).orElseThrow(() -> new NotFoundException("Booking", id));
        if (!access.mayManage(c, b.institutionId())) {
            throw new ForbiddenException(SchedulingError.BOOKING_NOT_CHANGEABLE, id);
        }
        return tx.execute(s -> {
            changeStatus(id, to, c.username(), clock.instant());
            audit.record(AuditAction.UPDATE, "Booking", id.toString(), b.residentId().toString(), to.name());
            return store.booking(id).orElseThrow();
        });
    }

    /** Only an active booking changes; a concurrent change leaves the loser a 409 naming the status it found. */
    private void changeStatus(BookingId id, BookingStatus to, String by, Instant now) {
        if (store.changeStatus(id, BookingStatus.BOOKED, to, by, now) != 1) {
            throw new ConflictException(SchedulingError.BOOKING_NOT_ACTIVE, "status", id,
                    store.booking(id).map(BookingView::status).orElse(null));
        }
    }
}
