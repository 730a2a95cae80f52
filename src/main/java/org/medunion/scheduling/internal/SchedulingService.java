package org.medunion.scheduling.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingStatus;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ReleaseRatioView;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotQuery;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;

/**
 * The scheduling facade: each use case lives in its own service (schedules, slot queries, booking, changes after
 * booking, booking reads, release and ratios); this class only routes. See {@link SchedulingManagement} for the rules.
 */
@Service
class SchedulingService implements SchedulingManagement {

    private final SchedulePublishing schedules;
    private final SlotQueries slots;
    private final SlotBooking booking;
    private final BookingChanges changes;
    private final BookingQueries bookings;
    private final SlotRelease release;

    SchedulingService(SchedulePublishing schedules, SlotQueries slots, SlotBooking booking, BookingChanges changes,
                      BookingQueries bookings, SlotRelease release) {
        this.schedules = schedules;
        this.slots = slots;
        this.booking = booking;
        this.changes = changes;
        this.bookings = bookings;
        this.release = release;
    }

    @Override
    public ScheduleView publishSchedule(PublishSchedule command) {
        return schedules.publishSchedule(command);
    }

    /** Behind {@link org.medunion.scheduling.unscoped.SystemScheduling}: no caller scope. */
    public List<ScheduleView> publishSchedulesUnscoped(List<PublishSchedule> commands, String createdBy) {
        return schedules.publishSchedulesUnscoped(commands, createdBy);
    }

    @Override
    public List<ScheduleView> schedules(@Nullable InstitutionId institution, ChangeWindow changed) {
        return schedules.schedules(institution, changed);
    }

    @Override
    public Optional<ScheduleView> schedule(ScheduleId id) {
        return schedules.schedule(id);
    }

    @Override
    public List<SlotView> searchSlots(SlotSearch search) {
        return slots.searchSlots(search);
    }

    @Override
    public Slice<SlotView> searchSlots(SlotQuery query) {
        return slots.searchSlots(query);
    }

    @Override
    public Optional<SlotView> slot(SlotId id) {
        return slots.slot(id);
    }

    @Override
    public BookingView book(BookSlot command) {
        return booking.book(command);
    }

    /** Behind {@code SystemScheduling} and {@code ReferralBookings}: no caller scope. */
    public BookingView bookUnscoped(BookSlot command, @Nullable String bookedBy, @Nullable InstitutionId bookedByInstitution) {
        return booking.bookUnscoped(command, bookedBy, bookedByInstitution);
    }

    @Override
    public BookingView cancel(BookingId id) {
        return changes.cancel(id);
    }

    /** Behind {@code OrderBookings}: no caller scope (the ordering module checked its caller). */
    public BookingView releaseForOrder(BookingId id, String actor) {
        return changes.releaseForOrder(id, actor);
    }

    @Override
    public BookingView recordNoShow(BookingId id) {
        return changes.hospitalRecords(id, BookingStatus.NO_SHOW);
    }

    @Override
    public BookingView recordAttendance(BookingId id) {
        return changes.hospitalRecords(id, BookingStatus.ATTENDED);
    }

    @Override
    public Optional<BookingView> booking(BookingId id) {
        return bookings.booking(id);
    }

    @Override
    public List<BookingView> bookingsOf(ResidentId residentId, ChangeWindow changed) {
        return bookings.bookingsOf(residentId, changed);
    }

    @Override
    public List<BookingView> bookingsOfSlot(SlotId slot, ChangeWindow changed) {
        return bookings.bookingsOfSlot(slot, changed);
    }

    @Override
    public List<BookingView> bookingsOfInstitution(InstitutionId institution, int limit) {
        return bookings.bookingsOfInstitution(institution, limit);
    }

    @Override
    public int releaseDueSlots(Instant now) {
        return release.releaseDueSlots(now);
    }

    @Override
    public ReleaseRatioView releaseRatios(InstitutionId institution, LocalDate from, LocalDate to) {
        return release.releaseRatios(institution, from, to);
    }
}
