package org.medunion.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.Slice;

/**
 * The scheduling module's facade.
 * <p>
 * Schedules are managed by their hospital (SPECIALIST or OFFICE in scope, ADMIN); institution-scoped
 * accounts see only their own institution's schedules. Booking is atomic: one conditional update of the
 * slot ({@code FREE → BOOKED}) decides the winner, so under any concurrency — threads or application
 * instances sharing the database — a slot is booked at most once and every loser gets a 409
 * ({@code SCHEDULING-0001}). A GP books for residents contracted with their institution only (403 otherwise),
 * from reserved capacity first, with the priority of the slot's kind (CQ-6, SH-15).
 */
public interface SchedulingManagement {

    // schedules

    /** Publishes a schedule for the caller's hospital and generates its slots (NN-4 reserved share). */
    ScheduleView publishSchedule(PublishSchedule command);

    /** Schedules the caller may see; {@code institution} narrows (null = all in scope). */
    default List<ScheduleView> schedules(@Nullable InstitutionId institution) {
        return schedules(institution, ChangeWindow.ANY);
    }

    /** {@link #schedules(InstitutionId)} published (schedules do not change afterwards) within {@code changed}. */
    List<ScheduleView> schedules(@Nullable InstitutionId institution, ChangeWindow changed);

    Optional<ScheduleView> schedule(ScheduleId id);

    // slots

    List<SlotView> searchSlots(SlotSearch search);

    /** One page of slots in start order, cut in SQL, with the count of all matches. */
    Slice<SlotView> searchSlots(SlotQuery query);

    Optional<SlotView> slot(SlotId id);

    // bookings

    /**
     * Books a slot. Repeated requests are the shared Idempotency-Key filter's business (decision 0091):
     * a repeat never reaches this method.
     */
    BookingView book(BookSlot command);

    /** Cancels; the slot returns FREE to the pool it came from (public if its release time has passed). */
    BookingView cancel(BookingId id);

    /** The hospital records that the resident did not come. */
    BookingView recordNoShow(BookingId id);

    /** The hospital records that the resident came. */
    BookingView recordAttendance(BookingId id);

    Optional<BookingView> booking(BookingId id);

    /** Bookings of a resident the caller may see (audited). */
    default List<BookingView> bookingsOf(ResidentId residentId) {
        return bookingsOf(residentId, ChangeWindow.ANY);
    }

    /** {@link #bookingsOf(ResidentId)} last changed within {@code changed} (only those are read and audited). */
    List<BookingView> bookingsOf(ResidentId residentId, ChangeWindow changed);

    /** Bookings of a slot the caller may see, newest first (audited). */
    default List<BookingView> bookingsOfSlot(SlotId slot) {
        return bookingsOfSlot(slot, ChangeWindow.ANY);
    }

    /** {@link #bookingsOfSlot(SlotId)} last changed within {@code changed} (only those are read and audited). */
    List<BookingView> bookingsOfSlot(SlotId slot, ChangeWindow changed);

    /** Active and past bookings of a slot's institution the caller may see, newest first. */
    List<BookingView> bookingsOfInstitution(InstitutionId institution, int limit);

    // release and ratios

    /**
     * Moves reserved slots still FREE at their release time ({@code start − lead time}) to the public pool.
     * One idempotent conditional update: safe to run on every instance at once. Returns how many moved.
     */
    int releaseDueSlots(Instant now);

    /** I-8 and I-9 for a hospital and the half-open period [from, to); not scoped (aggregates only). */
    ReleaseRatioView releaseRatios(InstitutionId institution, LocalDate from, LocalDate to);
}
