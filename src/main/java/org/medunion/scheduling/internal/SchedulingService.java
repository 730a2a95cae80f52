package org.medunion.scheduling.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractView;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingCancelled;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingResult;
import org.medunion.scheduling.BookingStatus;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ReleaseRatioView;
import org.medunion.scheduling.ReleaseRatioView.Ratio;
import org.medunion.scheduling.ReservedShare;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotBooked;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotStatus;
import org.medunion.scheduling.SlotView;
import org.medunion.scheduling.SlotsReleased;
import org.medunion.scheduling.internal.SchedulingAccess.Caller;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.RuleViolationException;
import org.medunion.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules, atomic booking with priority, cancellation, no-show, release (NN-4) and ratios (I-8, I-9).
 * See {@link SchedulingManagement} for the rules; are implemented in {@link #book}.
 */
@Service
class SchedulingService implements SchedulingManagement {

    static final String NN4_CLAUSE = "原则上牵头医院要将至少1/3的门诊号源和1/4的住院床位向家庭医生签约服务团队或基层医疗卫生机构下沉。";
    private static final int MAX_SLOTS_PER_SCHEDULE = 20_000;

    private final SchedulingStore store;
    private final SchedulingAccess access;
    private final SchedulingSettings settings;
    private final ResidentsManagement residents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    SchedulingService(SchedulingStore store, SchedulingAccess access, SchedulingSettings settings,
                      ResidentsManagement residents, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
                      PlatformTransactionManager transactions, MessageSource messages) {
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.residents = residents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.messages = messages;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    // ---------------------------------------------------------------- schedules

    @Override
    public ScheduleView publishSchedule(PublishSchedule command) {
        Caller c = access.caller();
        require(command, "body");
        require(command.institutionId(), "institutionId");
        access.requireManage(c, command.institutionId());
        return tx.execute(s -> publish(command, c.username()));
    }

    /** Behind {@link org.medunion.scheduling.unscoped.SystemScheduling}: no caller scope. */
    public List<ScheduleView> publishSchedulesUnscoped(List<PublishSchedule> commands, String createdBy) {
        return tx.execute(s -> {
            var out = new ArrayList<ScheduleView>();
            for (int i = 0; i < commands.size(); i++) {
                out.add(publish(commands.get(i), createdBy == null ? "system" : createdBy));
            }
            return out;
        });
    }

    private ScheduleView publish(PublishSchedule c, String createdBy) {
        require(c.institutionId(), "institutionId");
        String department = text(c.department(), "department", true);
        String discipline = text(c.discipline(), "discipline", false);
        require(c.kind(), "kind");
        require(c.periodStart(), "periodStart");
        require(c.periodEnd(), "periodEnd");
        LocalDate today = LocalDate.now(clock);
        if (c.periodEnd().isBefore(c.periodStart())) {
            throw new InvalidInputException("periodEnd", "SCHEDULING-0012", c.periodStart(), c.periodEnd());
        }
        if (c.periodStart().isBefore(today.minusDays(30)) || c.periodEnd().isAfter(c.periodStart().plusDays(91))) {
            throw new InvalidInputException("periodStart", "SCHEDULING-0012", c.periodStart(), c.periodEnd());
        }
        boolean beds = c.kind() == ScheduleKind.INPATIENT_BED;
        LocalTime dayStart = c.dayStart() != null ? c.dayStart() : LocalTime.of(8, 0);
        LocalTime dayEnd = c.dayEnd() != null ? c.dayEnd() : LocalTime.of(12, 0);
        if (!beds && !dayEnd.isAfter(dayStart)) {
            throw new InvalidInputException("dayEnd", "SCHEDULING-0013", dayStart, dayEnd);
        }
        int slotMinutes = c.slotMinutes() != null ? c.slotMinutes() : (c.kind() == ScheduleKind.EXAM ? 30 : 15);
        if (slotMinutes < 5 || slotMinutes > 720) {
            throw new InvalidInputException("slotMinutes", "SCHEDULING-0014", slotMinutes, 5, 720);
        }
        int perInterval = c.perInterval() != null ? c.perInterval() : (beds ? 10 : 1);
        if (perInterval < 1 || perInterval > 500) {
            throw new InvalidInputException("perInterval", "SCHEDULING-0014", perInterval, 1, 500);
        }
        ReservedShare minimum = settings.minimumShare(c.kind(), c.institutionId());
        ReservedShare share = c.reservedShare() == null || c.reservedShare().isBlank() ? settings.defaultShare(c.kind(), c.institutionId())
                : ReservedShare.parse(c.reservedShare(), "reservedShare");
        if (share.numerator() * (long) minimum.denominator() < minimum.numerator() * (long) share.denominator()) {
            throw new RuleViolationException(List.of(new RuleViolationException.Violation("NN-4", NN4_CLAUSE,
                    message("error.SCHEDULING-0016", "reservedShare", share, minimum, c.kind()), "reservedShare",
                    List.of("Organization/" + c.institutionId()))));
        }
        Duration lead = c.releaseLeadTime() != null ? c.releaseLeadTime() : settings.releaseLeadTime();
        if (lead.isNegative() || lead.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidInputException("releaseLeadTime", "SCHEDULING-0014", lead, "PT0S", "P30D");
        }
        var times = SlotPlan.times(c.kind(), c.periodStart(), c.periodEnd(), dayStart, dayEnd, slotMinutes, perInterval, zone());
        if (times.isEmpty() || times.size() > MAX_SLOTS_PER_SCHEDULE) {
            throw new InvalidInputException("perInterval", "SCHEDULING-0011", times.size(), MAX_SLOTS_PER_SCHEDULE);
        }
        var plan = SlotPlan.plan(times, share);
        var id = ScheduleId.random();
        int reserved = (int) plan.stream().filter(SlotPlan.PlannedSlot::reserved).count();
        var view = new ScheduleView(id, c.institutionId(), department, discipline, c.practitionerId(), c.kind(),
                c.periodStart(), c.periodEnd(), share, lead, plan.size(), reserved, clock.instant(), createdBy);
        store.insertSchedule(view);
        var slots = new ArrayList<SlotView>(plan.size());
        for (var p : plan) {
            slots.add(new SlotView(SlotId.random(), id, c.institutionId(), department, discipline, c.kind(), p.start(), p.end(),
                    p.reserved(), p.reserved() ? SlotPool.PRIMARY_CARE_RESERVED : SlotPool.PUBLIC, SlotStatus.FREE,
                    p.reserved() ? p.start().minus(lead) : null, null, 0));
        }
        store.insertSlots(slots);
        audit.record(AuditAction.CREATE, "Schedule", id.toString(), null,
                c.kind() + " " + department + " " + c.periodStart() + ".." + c.periodEnd() + " slots=" + plan.size() + " reserved=" + reserved);
        return view;
    }

    @Override
    public List<ScheduleView> schedules(InstitutionId institution) {
        Caller c = access.caller();
        Set<UUID> visible = access.visibleInstitutions(c);
        if (institution != null) {
            if (visible != null && !visible.contains(institution.value())) {
                throw new ForbiddenException("SCHEDULING-0020", institution);
            }
            return store.schedules(List.of(institution.value()), 500);
        }
        return store.schedules(visible, 500);
    }

    @Override
    public Optional<ScheduleView> schedule(ScheduleId id) {
        Caller c = access.caller();
        Set<UUID> visible = access.visibleInstitutions(c);
        return store.schedule(id).filter(s -> visible == null || visible.contains(s.institutionId().value()));
    }

    // ---------------------------------------------------------------- slots

    @Override
    public List<SlotView> searchSlots(SlotSearch q) {
        Set<UUID> institutions = null;
        if (q.consortium() != null) {
            institutions = access.members(q.consortium());
        }
        if (q.institution() != null) {
            institutions = institutions == null ? Set.of(q.institution().value())
                    : institutions.contains(q.institution().value()) ? Set.of(q.institution().value()) : Set.of();
        }
        Instant from = q.date() == null ? null : q.date().atStartOfDay(zone()).toInstant();
        Instant to = q.date() == null ? null : q.date().plusDays(1).atStartOfDay(zone()).toInstant();
        int limit = q.limit() <= 0 ? 100 : Math.min(q.limit(), 500);
        return store.searchSlots(institutions, q.schedule() == null ? null : q.schedule().value(), q.department(),
                q.kind() == null ? null : q.kind().name(), from, to, q.pool() == null ? null : q.pool().name(), q.freeOnly(),
                q.freeOnly() ? clock.instant() : null, limit);
    }

    @Override
    public org.medunion.shared.Slice<SlotView> searchSlots(org.medunion.scheduling.SlotQuery q) {
        int limit = Math.max(1, Math.min(q.limit(), 500));
        UUID schedule = q.schedule() == null ? null : q.schedule().value();
        // the store's upper bound is exclusive; the query's is the last admitted instant
        Instant to = q.startTo() == null ? null : q.startTo().plusNanos(1_000);
        String status = q.status() == null ? null : q.status().name();
        Instant notBefore = q.status() == SlotStatus.FREE ? clock.instant() : null;
        var page = store.searchSlots(null, schedule, null, null, q.startFrom(), to, null, false, notBefore, status, limit,
                Math.max(0, q.offset()));
        long total = page.size() < limit && (q.offset() == 0 || !page.isEmpty()) ? q.offset() + page.size()
                : store.countSlots(schedule, q.startFrom(), to, notBefore, status);
        return new org.medunion.shared.Slice<>(page, total);
    }

    @Override
    public Optional<SlotView> slot(SlotId id) {
        return store.slot(id);
    }

    // ---------------------------------------------------------------- booking

    /** Who books, on whose behalf, and whether reserved capacity and priority apply. */
    private record Booker(String username, InstitutionId institution, boolean primaryCare, ContractView contract) {
    }

    @Override
    public BookingResult book(BookSlot command, String idempotencyKey) {
        Caller c = access.caller();
        validate(command);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && (key.length() > 200 || !key.matches("[\\x21-\\x7e]+"))) {
            throw new InvalidInputException("Idempotency-Key", "SCHEDULING-0015");
        }
        String hash = key == null ? null : hash(command);
        if (key != null) {
            var replay = replay(c.username(), key, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Booker booker = booker(c, command.residentId());
        try {
            BookingView b = tx.execute(s -> doBook(booker, command, key, hash, true));
            return new BookingResult(b, false);
        } catch (MedUnionException | DataIntegrityViolationException | ConcurrencyFailureException e) {
            if (key != null) {
                var replay = replay(c.username(), key, hash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            if (e instanceof MedUnionException me) {
                throw me;
            }
            // the database's own guard (one active booking per slot, or a lock conflict) caught a race
            throw new ConflictException("SCHEDULING-0001", "slotId", command.slotId() == null ? "" : command.slotId());
        }
    }

    /** Behind {@code SystemScheduling} and {@code ReferralBookings}: no caller scope. */
    public BookingView bookUnscoped(BookSlot command, String bookedBy, InstitutionId bookedByInstitution) {
        validate(command);
        ContractView contract = null;
        if (bookedByInstitution != null) {
            contract = residents.activeContract(command.residentId(), LocalDate.now(clock))
                    .filter(k -> bookedByInstitution.equals(k.primaryInstitutionId()))
                    .orElseThrow(() -> new ForbiddenException("SCHEDULING-0003", command.residentId()));
        }
        var booker = new Booker(bookedBy == null ? "system" : bookedBy, bookedByInstitution, contract != null, contract);
        return tx.execute(s -> doBook(booker, command, null, null, false));
    }

    private Optional<BookingResult> replay(String caller, String key, String hash) {
        return store.storedResponse(caller, key).map(stored -> {
            if (!stored.requestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException();
            }
            BookingView booking = BookingSnapshot.read(stored.body());
            // a replay hands out the booking (resident included) again: audited like the first answer
            audit.record(AuditAction.READ, "Booking", booking.id().toString(), booking.residentId().toString(),
                    "Idempotency-Key replay");
            return new BookingResult(booking, true);
        });
    }

    private Booker booker(Caller c, ResidentId resident) {
        if (c.role() == Role.GP) {
            if (!c.primaryCare()) {
                throw new ForbiddenException("SCHEDULING-0021", c.role());
            }
            ContractView contract = residents.activeContract(resident, LocalDate.now(clock))
                    .filter(k -> c.institution().equals(k.primaryInstitutionId()))
                    .orElseThrow(() -> new ForbiddenException("SCHEDULING-0003", resident));
            return new Booker(c.username(), c.institution(), true, contract);
        }
        if (c.role() == Role.SPECIALIST || c.role() == Role.OFFICE || c.role() == Role.INTEGRATOR || c.isAdmin()) {
            // naming a resident in a booking needs a care relationship first (issue 10); the same 403 for an
            // unknown resident as for a foreign one, so booking is no existence oracle
            if (residents.callerRelationship(resident).isEmpty()) {
                throw new ForbiddenException("SCHEDULING-0023", resident);
            }
            return new Booker(c.username(), c.institution(), false, null);
        }
        throw new ForbiddenException("SCHEDULING-0021", c.role());
    }

    private BookingView doBook(Booker booker, BookSlot command, String key, String hash, boolean futureOnly) {
        Instant now = clock.instant();
        SlotView slot;
        if (command.slotId() != null) {
            slot = store.slot(command.slotId()).orElseThrow(() -> new NotFoundException("Slot", command.slotId()));
            if (futureOnly && !slot.start().isAfter(now)) {
                throw new ConflictException("SCHEDULING-0005", "slotId", command.slotId());
            }
            if (store.claim(slot.id(), booker.primaryCare()) != 1) {
                SlotView current = store.slot(slot.id()).orElseThrow();
                if (current.status() == SlotStatus.FREE && current.pool() == SlotPool.PRIMARY_CARE_RESERVED) {
                    throw new ForbiddenException("SCHEDULING-0002", slot.id());
                }
                throw new ConflictException("SCHEDULING-0001", "slotId", slot.id());
            }
        } else {
            var schedule = store.schedule(command.scheduleId())
                    .orElseThrow(() -> new NotFoundException("Schedule", command.scheduleId()));
            Instant from = command.date() == null ? null : command.date().atStartOfDay(zone()).toInstant();
            Instant to = command.date() == null ? null : command.date().plusDays(1).atStartOfDay(zone()).toInstant();
            slot = null;
            for (SlotView candidate : store.candidates(schedule.id().value(), from, to, futureOnly ? now : Instant.EPOCH,
                    booker.primaryCare(), 50)) {
                if (store.claim(candidate.id(), booker.primaryCare()) == 1) {
                    slot = candidate;
                    break;
                }
            }
            if (slot == null) {
                throw new ConflictException("SCHEDULING-0004", "scheduleId", command.scheduleId());
            }
        }
        var booking = new BookingView(BookingId.random(), slot.id(), slot.scheduleId(), slot.institutionId(),
                slot.department(), slot.kind(), slot.start(), slot.end(), slot.pool(), command.residentId(), booker.username(),
                booker.institution(), booker.primaryCare(), booker.primaryCare() ? slot.kind().priority() : null,
                booker.contract() == null ? null : booker.contract().id(), BookingStatus.BOOKED, now);
        store.insertBooking(booking, key);
        if (key != null) {
            store.storeResponse(booker.username(), key, hash, booking.id().value(), BookingSnapshot.write(booking), now);
        }
        audit.record(AuditAction.CREATE, "Booking", booking.id().toString(), command.residentId().toString(),
                "slot=" + slot.id() + " pool=" + slot.pool() + (booking.priority() == null ? "" : " priority=" + booking.priority()));
        events.publishEvent(new SlotBooked(booking.id(), slot.id(), slot.institutionId(), slot.kind(), command.residentId(),
                booking.primaryCare(), booking.priority(), slot.start()));
        return booking;
    }

    private static void validate(BookSlot command) {
        require(command, "body");
        require(command.residentId(), "residentId");
        if (command.slotId() == null && command.scheduleId() == null) {
            throw new InvalidInputException("slotId", "field.required");
        }
    }

    private static String hash(BookSlot c) {
        String canonical = c.slotId() + "|" + c.scheduleId() + "|" + c.date() + "|" + c.residentId();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- after booking

    @Override
    public BookingView cancel(BookingId id) {
        Caller c = access.caller();
        BookingView b = store.booking(id).orElseThrow(() -> new NotFoundException("Booking", id));
        if (!mayChange(c, b)) {
            throw new ForbiddenException("SCHEDULING-0022", id);
        }
        return tx.execute(s -> {
            Instant now = clock.instant();
            if (store.changeStatus(id, BookingStatus.BOOKED, BookingStatus.CANCELLED, c.username(), now) != 1) {
                throw new ConflictException("SCHEDULING-0007", "status", id, store.booking(id).map(BookingView::status).orElse(null));
            }
            SlotView slot = store.slot(b.slotId()).orElseThrow();
            boolean backToReserved = slot.reserved() && slot.releaseAt() != null && slot.releaseAt().isAfter(now);
            SlotPool pool = backToReserved ? SlotPool.PRIMARY_CARE_RESERVED : SlotPool.PUBLIC;
            Instant releasedAt = slot.reserved() && !backToReserved ? (slot.releasedAt() != null ? slot.releasedAt() : now) : null;
            store.free(slot.id(), pool, releasedAt);
            audit.record(AuditAction.UPDATE, "Booking", id.toString(), b.residentId().toString(), "cancelled; slot back to " + pool);
            events.publishEvent(new BookingCancelled(id, slot.id(), pool, now));
            return store.booking(id).orElseThrow();
        });
    }

    @Override
    public BookingView recordNoShow(BookingId id) {
        return hospitalRecords(id, BookingStatus.NO_SHOW);
    }

    @Override
    public BookingView recordAttendance(BookingId id) {
        return hospitalRecords(id, BookingStatus.ATTENDED);
    }

    private BookingView hospitalRecords(BookingId id, BookingStatus to) {
        Caller c = access.caller();
        BookingView b = store.booking(id).orElseThrow(() -> new NotFoundException("Booking", id));
        if (!access.mayManage(c, b.institutionId())) {
            throw new ForbiddenException("SCHEDULING-0022", id);
        }
        return tx.execute(s -> {
            if (store.changeStatus(id, BookingStatus.BOOKED, to, c.username(), clock.instant()) != 1) {
                throw new ConflictException("SCHEDULING-0007", "status", id, store.booking(id).map(BookingView::status).orElse(null));
            }
            audit.record(AuditAction.UPDATE, "Booking", id.toString(), b.residentId().toString(), to.name());
            return store.booking(id).orElseThrow();
        });
    }

    private boolean mayChange(Caller c, BookingView b) {
        return c.isAdmin() || c.username().equals(b.bookedBy())
                || (c.institution() != null && c.institution().equals(b.bookedByInstitution()))
                || access.mayManage(c, b.institutionId());
    }

    @Override
    public Optional<BookingView> booking(BookingId id) {
        Caller c = access.caller();
        // beyond those who booked or manage it: whoever has a care relationship with the resident (issue 10)
        var b = store.booking(id).filter(v -> mayChange(c, v) || residents.callerRelationship(v.residentId()).isPresent());
        b.ifPresent(v -> audit.record(AuditAction.READ, "Booking", id.toString(), v.residentId().toString(), null));
        return b;
    }

    @Override
    public List<BookingView> bookingsOf(ResidentId residentId) {
        Caller c = access.caller();
        require(residentId, "resident");
        List<BookingView> all = store.bookingsOfResident(residentId);
        List<BookingView> visible;
        if (c.isAdmin()) {
            visible = all;
        } else if (c.role() == Role.INTEGRATOR) {
            visible = residents.callerRelationship(residentId).isPresent() ? all : List.of();
        } else if (c.institution() != null) {
            boolean contracted = residents.isContractedWith(residentId, c.institution());
            visible = contracted ? all : all.stream().filter(b -> c.institution().equals(b.bookedByInstitution())
                    || c.institution().equals(b.institutionId())).toList();
        } else if (c.scopeType() == ScopeType.CONSORTIUM) {
            Set<UUID> members = access.visibleInstitutions(c);
            visible = all.stream().filter(b -> members.contains(b.institutionId().value())).toList();
        } else {
            throw new ForbiddenException("SCHEDULING-0021", c.role());
        }
        audit.record(AuditAction.SEARCH, "Booking", null, residentId.toString(), "bookings=" + visible.size());
        return visible;
    }

    @Override
    public List<BookingView> bookingsOfSlot(SlotId slot) {
        Caller c = access.caller();
        require(slot, "slot");
        var out = store.bookingsOfSlot(slot).stream().filter(b -> mayChange(c, b) || c.role() == Role.INTEGRATOR
                && residents.callerRelationship(b.residentId()).isPresent()).toList();
        out.forEach(b -> audit.record(AuditAction.READ, "Booking", b.id().toString(), b.residentId().toString(), "by slot"));
        return out;
    }

    @Override
    public List<BookingView> bookingsOfInstitution(InstitutionId institution, int limit) {
        Caller c = access.caller();
        require(institution, "institution");
        if (!access.mayManage(c, institution) && !institution.equals(c.institution())) {
            throw new ForbiddenException("SCHEDULING-0020", institution);
        }
        var out = store.bookingsOfInstitution(institution.value(), Math.max(1, Math.min(limit, 500)));
        audit.record(AuditAction.SEARCH, "Booking", null, null, "institution=" + institution + " bookings=" + out.size());
        return out;
    }

    // ---------------------------------------------------------------- release (NN-4) and ratios (I-8, I-9)

    @Override
    public int releaseDueSlots(Instant now) {
        Integer n = tx.execute(s -> {
            int moved = store.releaseDue(now);
            if (moved > 0) {
                events.publishEvent(new SlotsReleased(moved, now));
            }
            return moved;
        });
        return n == null ? 0 : n;
    }

    @Override
    public ReleaseRatioView releaseRatios(InstitutionId institution, LocalDate from, LocalDate to) {
        require(institution, "institution");
        require(from, "from");
        require(to, "to");
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "SCHEDULING-0012", from, to);
        }
        Instant start = from.atStartOfDay(zone()).toInstant();
        Instant end = to.atStartOfDay(zone()).toInstant();
        var counts = store.slotCounts(institution.value(), start, end);
        long[] outpatient = sum(counts.get(ScheduleKind.OUTPATIENT_EXPERT), counts.get(ScheduleKind.OUTPATIENT_SPECIALTY));
        long[] beds = sum(counts.get(ScheduleKind.INPATIENT_BED));
        long[] exams = sum(counts.get(ScheduleKind.EXAM));
        long reserved = outpatient[1] + beds[1] + exams[1];
        long released = outpatient[2] + beds[2] + exams[2];
        long used = store.reservedBookedByPrimaryCare(institution.value(), start, end);
        return new ReleaseRatioView(institution, from, to, new Ratio(outpatient[1], outpatient[0]), new Ratio(beds[1], beds[0]),
                new Ratio(exams[1], exams[0]), new Ratio(used, reserved), released, settings.outpatient(institution), settings.beds(institution));
    }

    private static long[] sum(long[]... parts) {
        long[] out = new long[3];
        for (long[] p : parts) {
            if (p != null) {
                for (int i = 0; i < 3; i++) {
                    out[i] += p[i];
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static void require(Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "field.required");
        }
    }

    private static String text(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "field.required");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > 100) {
            throw new InvalidInputException(field, "SCHEDULING-0014", v.length(), 1, 100);
        }
        return TextRules.characters(v, field, TextRules.Kind.LINE);
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
