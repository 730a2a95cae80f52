package org.medunion.scheduling.internal;

import static org.medunion.scheduling.internal.SchedulingInput.require;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.Role;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractView;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingStatus;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SlotBooked;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotStatus;
import org.medunion.scheduling.SlotView;
import org.medunion.scheduling.internal.SchedulingAccess.Caller;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking a slot: who may book for whom, reserved capacity and priority for primary care, and the one
 * conditional update that decides the winner.
 */
@Component
class SlotBooking {

    private static final int CANDIDATES = 50;

    private final SchedulingStore store;
    private final SchedulingAccess access;
    private final ResidentsManagement residents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    SlotBooking(SchedulingStore store, SchedulingAccess access, ResidentsManagement residents,
                AuditTrail audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.access = access;
        this.residents = residents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Who books, on whose behalf, and whether reserved capacity and priority apply. */
    private record Booker(String username, @Nullable InstitutionId institution, boolean primaryCare,
                          @Nullable ContractView contract) {
    }

    BookingView book(BookSlot command) {
        Caller c = access.caller();
        ResidentId resident = validate(command);
        Booker booker = booker(c, resident);
        try {
            return tx.execute(s -> doBook(booker, command, resident, true));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            // the database's own guard (one active booking per slot, or a lock conflict) caught a race
            throw new ConflictException(SchedulingError.SLOT_TAKEN, "slotId", command.slotId() == null ? "" : command.slotId());
        }
    }

    BookingView bookUnscoped(BookSlot command, @Nullable String bookedBy, @Nullable InstitutionId bookedByInstitution) {
        ResidentId resident = validate(command);
        ContractView contract = null;
        if (bookedByInstitution != null) {
            contract = contractWith(resident, bookedByInstitution);
        }
        var booker = new Booker(bookedBy == null ? "system" : bookedBy, bookedByInstitution, contract != null, contract);
        return tx.execute(s -> doBook(booker, command, resident, false));
    }

    private ContractView contractWith(ResidentId resident, InstitutionId institution) {
        return residents.activeContract(resident, LocalDate.now(clock))
                .filter(k -> institution.equals(k.primaryInstitutionId()))
                .orElseThrow(() -> new ForbiddenException(SchedulingError.RESIDENT_NOT_CONTRACTED, resident));
    }

    private Booker booker(Caller c, ResidentId resident) {
        if (c.role() == Role.GP) {
            if (!c.primaryCare()) {
                throw new ForbiddenException(SchedulingError.ROLE_MAY_NOT_BOOK, c.role());
            }
            // primaryCare() holds only for an institution-scoped caller
            InstitutionId institution = Objects.requireNonNull(c.institution(), "primary-care institution");
            return new Booker(c.username(), institution, true, contractWith(resident, institution));
        }
        if (c.role() == Role.SPECIALIST || c.role() == Role.OFFICE || c.role() == Role.INTEGRATOR || c.isAdmin()) {
            // naming a resident in a booking needs a care relationship first (issue 10); the same 403 for an
            // unknown resident as for a foreign one, so booking is no existence oracle
            if (residents.callerRelationship(resident).isEmpty()) {
                throw new ForbiddenException(SchedulingError.NO_CARE_RELATIONSHIP, resident);
            }
            return new Booker(c.username(), c.institution(), false, null);
        }
        throw new ForbiddenException(SchedulingError.ROLE_MAY_NOT_BOOK, c.role());
    }

    private BookingView doBook(Booker booker, BookSlot command, ResidentId resident, boolean futureOnly) {
        Instant now = clock.instant();
        SlotId slotId = command.slotId();
        SlotView slot = slotId != null ? claimSlot(booker, slotId, futureOnly, now)
                : claimFromSchedule(booker, command, futureOnly, now);
        var booking = new BookingView(BookingId.random(), slot.id(), slot.scheduleId(), slot.institutionId(),
                slot.department(), slot.kind(), slot.start(), slot.end(), slot.pool(), resident, booker.username(),
                booker.institution(), booker.primaryCare(), booker.primaryCare() ? slot.kind().priority() : null,
                booker.contract() == null ? null : booker.contract().id(), BookingStatus.BOOKED, now, now);
        store.insertBooking(booking);
        audit.record(AuditAction.CREATE, "Booking", booking.id().toString(), resident.toString(),
                "slot=" + slot.id() + " pool=" + slot.pool() + (booking.priority() == null ? "" : " priority=" + booking.priority()));
        events.publishEvent(new SlotBooked(booking.id(), slot.id(), slot.institutionId(), slot.kind(), resident,
                booking.primaryCare(), booking.priority(), slot.start()));
        return booking;
    }

    /** The named slot, if it is still free and open to the booker. */
    private SlotView claimSlot(Booker booker, SlotId slotId, boolean futureOnly, Instant now) {
        SlotView slot = store.slot(slotId).orElseThrow(() -> new NotFoundException("Slot", slotId));
        if (futureOnly && !slot.start().isAfter(now)) {
            throw new ConflictException(SchedulingError.SLOT_STARTED, "slotId", slotId);
        }
        if (store.claim(slot.id(), booker.primaryCare(), now) != 1) {
            SlotView current = store.slot(slot.id()).orElseThrow();
            if (current.status() == SlotStatus.FREE && current.pool() == SlotPool.PRIMARY_CARE_RESERVED) {
                throw new ForbiddenException(SchedulingError.SLOT_RESERVED_FOR_PRIMARY_CARE, slot.id());
            }
            throw new ConflictException(SchedulingError.SLOT_TAKEN, "slotId", slot.id());
        }
        return slot;
    }

    /** The first free slot of a schedule (on a day, if given) the booker wins; reserved ones first for primary care. */
    private SlotView claimFromSchedule(Booker booker, BookSlot command, boolean futureOnly, Instant now) {
        // validate() lets a command without a slot through only with a schedule
        ScheduleId scheduleId = Objects.requireNonNull(command.scheduleId(), "scheduleId");
        var schedule = store.schedule(scheduleId).orElseThrow(() -> new NotFoundException("Schedule", scheduleId));
        Instant from = command.date() == null ? null : command.date().atStartOfDay(clock.getZone()).toInstant();
        Instant to = command.date() == null ? null : command.date().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        for (SlotView candidate : store.candidates(schedule.id().value(), from, to, futureOnly ? now : Instant.EPOCH,
                booker.primaryCare(), CANDIDATES)) {
            if (store.claim(candidate.id(), booker.primaryCare(), now) == 1) {
                return candidate;
            }
        }
        throw new ConflictException(SchedulingError.NO_FREE_SLOT, "scheduleId", scheduleId);
    }

    /** The command's resident, once the command names a resident and a slot or a schedule. */
    private static ResidentId validate(BookSlot command) {
        require(command, "body");
        ResidentId resident = require(command.residentId(), "residentId");
        if (command.slotId() == null && command.scheduleId() == null) {
            throw new InvalidInputException("slotId", "field.required");
        }
        return resident;
    }
}
