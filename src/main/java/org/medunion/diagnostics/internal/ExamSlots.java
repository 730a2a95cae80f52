package org.medunion.diagnostics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.ExamBooking;
import org.medunion.diagnostics.ExamSlotChoice;
import org.medunion.diagnostics.ExamSlotOffer;
import org.medunion.diagnostics.ItemKind;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.OrderBookings;
import org.medunion.scheduling.Priority;
import org.medunion.scheduling.ReferralBookings;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The exam slot of an imaging order (SC-4, SC-6, decision 0236), booked through the scheduling module at the institution
 * running the centre, in the order's transaction. Who books decides the pools and the priority, by scheduling's rules:
 * a family doctor books for residents contracted with their institution, reserved share first, with 优先检查 (CQ-6); the
 * centre's own clinicians book a resident their institution accepted on a referral with priority from the resident's
 * primary institution as that referral's booking would (SH-15, {@link ReferralBookings}); anyone else books the public
 * pool without priority. Cancelling or rejecting the order releases the slot ({@link OrderBookings}).
 */
@Component
class ExamSlots {

    static final String FIELD = "examSlot";

    /** Free slots the order form lists per pool, earliest first. */
    private static final int LISTED = 20;

    private final SchedulingManagement scheduling;
    private final ReferralBookings referralBookings;
    private final OrderBookings orderBookings;
    private final ReferralManagement referrals;
    private final ResidentsManagement residents;
    private final OrderExamStore store;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // scheduling's three doors, referrals, contracts, the store, the clock
    ExamSlots(SchedulingManagement scheduling, ReferralBookings referralBookings, OrderBookings orderBookings,
              ReferralManagement referrals, ResidentsManagement residents, OrderExamStore store, Clock clock) {
        this.scheduling = scheduling;
        this.referralBookings = referralBookings;
        this.orderBookings = orderBookings;
        this.referrals = referrals;
        this.residents = residents;
        this.store = store;
        this.clock = clock;
    }

    /** Only imaging brings the resident to the centre's equipment; lab, ECG and pathology orders book no slot. */
    static boolean needsSlot(ItemKind kind) {
        return kind == ItemKind.IMAGING;
    }

    /**
     * How the caller books for the resident: whether the reserved share is open to them, whether the booking carries
     * 优先检查, the primary institution a referral books on behalf of, the scheduling rule that refuses any booking.
     */
    private record Booker(boolean reservedShare, boolean priority, @Nullable UUID onBehalfOf, @Nullable String refusal) {
    }

    private Booker booker(CurrentUser user, @Nullable UUID own, UUID resident, UUID centreInstitution) {
        if (user.role() == Role.GP && own != null) {
            boolean contracted = residents.activeContract(new ResidentId(resident), LocalDate.now(clock))
                    .filter(k -> k.primaryInstitutionId().value().equals(own)).isPresent();
            return contracted ? new Booker(true, true, null, null)
                    : new Booker(false, false, null, SchedulingError.RESIDENT_NOT_CONTRACTED.code());
        }
        if (own != null && own.equals(centreInstitution)) {
            Optional<ReferralView> referred = referrals.ofResident(resident).stream()
                    .filter(r -> own.equals(r.toInstitutionId()) && r.priority() != null && r.priority().exam())
                    .filter(r -> r.status() == ReferralStatus.ACCEPTED || r.status() == ReferralStatus.ARRIVED).findFirst();
            if (referred.isPresent()) {
                return new Booker(true, true, referred.get().fromInstitutionId(), null);
            }
        }
        return new Booker(false, false, null, null);
    }

    /** The free slots the caller may book for the resident at the centre's institution, reserved share first. */
    ExamSlotOffer offer(CentreView centre, UUID resident, CurrentUser user) {
        Booker b = booker(user, DiagnosticsAccess.institutionOf(user), resident, centre.institutionId());
        List<ExamSlotOffer.Slot> slots = new ArrayList<>();
        if (b.refusal() == null) {
            if (b.reservedShare()) {
                free(centre.institutionId(), SlotPool.PRIMARY_CARE_RESERVED, null, LISTED).forEach(s -> slots.add(slot(s)));
            }
            free(centre.institutionId(), SlotPool.PUBLIC, null, LISTED).forEach(s -> slots.add(slot(s)));
        }
        return new ExamSlotOffer(centre.id().value(), centre.institutionId(), b.reservedShare(), b.priority(), b.refusal(), slots);
    }

    /**
     * Books the chosen slot for the resident as the caller: 400 for an item that books none, a choice that names neither
     * or both, a slot that is not an exam slot of the centre's institution; 409 for a slot taken or begun, no free slot,
     * or a booking the scheduling rules refuse — each naming {@code examSlot}.
     */
    ExamBooking book(CentreView centre, ItemKind kind, UUID resident, ExamSlotChoice choice, CurrentUser user) {
        if (!needsSlot(kind)) {
            throw new InvalidInputException(FIELD, DiagnosticsError.EXAM_SLOT_NOT_FOR_ITEM, kind.name());
        }
        boolean firstFree = Boolean.TRUE.equals(choice.firstFree());
        if ((choice.slotId() == null) == !firstFree) {
            throw new InvalidInputException(FIELD, DiagnosticsError.EXAM_SLOT_CHOICE);
        }
        Booker b = booker(user, DiagnosticsAccess.institutionOf(user), resident, centre.institutionId());
        SlotView slot = firstFree ? first(centre.institutionId(), b, choice.date()) : chosen(centre.institutionId(), choice.slotId());
        var command = BookSlot.slot(slot.id(), new ResidentId(resident));
        BookingView booked;
        try {
            booked = b.onBehalfOf() != null
                    ? referralBookings.bookForReferral(command, user.username(), new InstitutionId(b.onBehalfOf()))
                    : scheduling.book(command);
        } catch (ConflictException | ForbiddenException | NotFoundException e) {
            throw refused(e);
        }
        return new ExamBooking(booked.id().value(), booked.slotId().value(), booked.department(), booked.start(), booked.end(),
                booked.pool() == SlotPool.PRIMARY_CARE_RESERVED, booked.priority() == Priority.PRIORITY_EXAM, null);
    }

    /** Releases the order's exam slot, if it still holds one (the order is cancelled or rejected). */
    void release(UUID orderId, String actor) {
        store.exam(orderId).filter(ExamBooking::active)
                .ifPresent(e -> orderBookings.releaseForOrder(new BookingId(e.bookingId()), actor));
    }

    Optional<ExamBooking> of(UUID orderId) {
        return store.exam(orderId);
    }

    void record(UUID orderId, ExamBooking booking) {
        store.insert(orderId, booking);
    }

    /** A named slot: an exam slot of the institution running the centre that has not begun (a referral books past ones). */
    private SlotView chosen(UUID institution, @Nullable UUID slotId) {
        SlotView slot = scheduling.slot(new SlotId(Objects.requireNonNull(slotId)))
                .filter(s -> s.kind() == ScheduleKind.EXAM && s.institutionId().value().equals(institution))
                .orElseThrow(() -> new InvalidInputException(FIELD, DiagnosticsError.EXAM_SLOT_NOT_AT_CENTRE, slotId));
        if (!slot.start().isAfter(clock.instant())) {
            throw new ConflictException(DiagnosticsError.EXAM_SLOT_UNAVAILABLE, FIELD, slotId);
        }
        return slot;
    }

    /** The first free slot the booker may take: the reserved share first where it is open to them (SC-4), then public. */
    private SlotView first(UUID institution, Booker b, @Nullable LocalDate date) {
        if (b.refusal() != null) {
            throw new ConflictException(DiagnosticsError.EXAM_SLOT_REFUSED, FIELD, b.refusal());
        }
        List<SlotView> candidates = b.reservedShare() ? free(institution, SlotPool.PRIMARY_CARE_RESERVED, date, 1) : List.of();
        if (candidates.isEmpty()) {
            candidates = free(institution, SlotPool.PUBLIC, date, 1);
        }
        if (candidates.isEmpty()) {
            throw new ConflictException(DiagnosticsError.EXAM_SLOT_UNAVAILABLE, FIELD, date);
        }
        return candidates.get(0);
    }

    private List<SlotView> free(UUID institution, SlotPool pool, @Nullable LocalDate date, int limit) {
        return scheduling.searchSlots(new SlotSearch(new InstitutionId(institution), null, null, null, ScheduleKind.EXAM, date, pool,
                true, limit));
    }

    private static ExamSlotOffer.Slot slot(SlotView s) {
        return new ExamSlotOffer.Slot(s.id().value(), s.department(), s.start(), s.end(), s.pool() == SlotPool.PRIMARY_CARE_RESERVED);
    }

    /** Scheduling's refusal as the order's: a taken or begun slot, or a booking its rules do not allow, naming the field. */
    private static MedUnionException refused(MedUnionException e) {
        String code = e.code();
        if (code.equals(SchedulingError.SLOT_TAKEN.code()) || code.equals(SchedulingError.SLOT_STARTED.code())
                || code.equals(SchedulingError.NO_FREE_SLOT.code())) {
            return new ConflictException(DiagnosticsError.EXAM_SLOT_UNAVAILABLE, FIELD, code);
        }
        if (e instanceof NotFoundException) {
            return new InvalidInputException(FIELD, DiagnosticsError.EXAM_SLOT_NOT_AT_CENTRE, code);
        }
        if (e instanceof ForbiddenException) {
            return new ConflictException(DiagnosticsError.EXAM_SLOT_REFUSED, FIELD, code);
        }
        return e;
    }
}
