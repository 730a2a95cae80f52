package org.medunion.scheduling.internal;

import static org.medunion.scheduling.internal.SchedulingInput.require;
import static org.medunion.scheduling.internal.SchedulingInput.text;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ReservedShare;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotStatus;
import org.medunion.scheduling.SlotView;
import org.medunion.scheduling.internal.SchedulingAccess.Caller;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.RuleViolationException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishing a hospital's schedule with its slots (NN-4 reserved share), and reading schedules in scope. */
@Component
class SchedulePublishing {

    private static final int MAX_SLOTS_PER_SCHEDULE = 20_000;
    private static final int MAX_SCHEDULES = 500;

    private final SchedulingStore store;
    private final SchedulingAccess access;
    private final SchedulingSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    SchedulePublishing(SchedulingStore store, SchedulingAccess access, SchedulingSettings settings, AuditTrail audit, Clock clock,
                       PlatformTransactionManager transactions, MessageSource messages) {
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.messages = messages;
    }

    ScheduleView publishSchedule(PublishSchedule command) {
        Caller c = access.caller();
        require(command, "body");
        InstitutionId institution = require(command.institutionId(), "institutionId");
        access.requireManage(c, institution);
        return tx.execute(s -> publish(command, c.username()));
    }

    List<ScheduleView> publishSchedulesUnscoped(List<PublishSchedule> commands, String createdBy) {
        return tx.execute(s -> {
            var out = new ArrayList<ScheduleView>();
            for (PublishSchedule command : commands) {
                out.add(publish(command, createdBy == null ? "system" : createdBy));
            }
            return out;
        });
    }

    List<ScheduleView> schedules(@Nullable InstitutionId institution, ChangeWindow changed) {
        Caller c = access.caller();
        Set<UUID> visible = access.visibleInstitutions(c);
        if (institution != null) {
            if (visible != null && !visible.contains(institution.value())) {
                throw new ForbiddenException(SchedulingError.INSTITUTION_OUT_OF_SCOPE, institution);
            }
            return store.schedules(List.of(institution.value()), changed, MAX_SCHEDULES);
        }
        return store.schedules(visible, changed, MAX_SCHEDULES);
    }

    Optional<ScheduleView> schedule(ScheduleId id) {
        Caller c = access.caller();
        Set<UUID> visible = access.visibleInstitutions(c);
        return store.schedule(id).filter(s -> visible == null || visible.contains(s.institutionId().value()));
    }

    private ScheduleView publish(PublishSchedule c, String createdBy) {
        InstitutionId institution = require(c.institutionId(), "institutionId");
        // a required text is never null: blank is refused as "field.required", as require() would
        String department = require(text(c.department(), "department", true), "department");
        String discipline = text(c.discipline(), "discipline", false);
        ScheduleKind kind = require(c.kind(), "kind");
        LocalDate periodStart = require(c.periodStart(), "periodStart");
        LocalDate periodEnd = require(c.periodEnd(), "periodEnd");
        checkPeriod(periodStart, periodEnd);
        boolean beds = kind == ScheduleKind.INPATIENT_BED;
        LocalTime dayStart = c.dayStart() != null ? c.dayStart() : LocalTime.of(8, 0);
        LocalTime dayEnd = c.dayEnd() != null ? c.dayEnd() : LocalTime.of(12, 0);
        if (!beds && !dayEnd.isAfter(dayStart)) {
            throw new InvalidInputException("dayEnd", SchedulingError.DAY_END_NOT_AFTER_START, dayStart, dayEnd);
        }
        int slotMinutes = c.slotMinutes() != null ? c.slotMinutes() : (kind == ScheduleKind.EXAM ? 30 : 15);
        within("slotMinutes", slotMinutes, 5, 720);
        int perInterval = c.perInterval() != null ? c.perInterval() : (beds ? 10 : 1);
        within("perInterval", perInterval, 1, 500);
        ReservedShare share = share(c, kind, institution);
        Duration lead = c.releaseLeadTime() != null ? c.releaseLeadTime() : settings.releaseLeadTime();
        if (lead.isNegative() || lead.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidInputException("releaseLeadTime", SchedulingError.VALUE_OUT_OF_RANGE, lead, "PT0S", "P30D");
        }
        var times = SlotPlan.times(kind, periodStart, periodEnd, dayStart, dayEnd, slotMinutes, perInterval, clock.getZone());
        if (times.isEmpty() || times.size() > MAX_SLOTS_PER_SCHEDULE) {
            throw new InvalidInputException("perInterval", SchedulingError.SLOT_COUNT_OUT_OF_RANGE, times.size(), MAX_SLOTS_PER_SCHEDULE);
        }
        var plan = SlotPlan.plan(times, share);
        int reserved = (int) plan.stream().filter(SlotPlan.PlannedSlot::reserved).count();
        var view = new ScheduleView(ScheduleId.random(), institution, department, discipline, c.practitionerId(), kind,
                periodStart, periodEnd, share, lead, plan.size(), reserved, clock.instant(), createdBy);
        store.insertSchedule(view);
        store.insertSlots(slots(view, plan));
        audit.record(AuditAction.CREATE, "Schedule", view.id().toString(), null, kind + " " + department + " " + periodStart
                + ".." + periodEnd + " slots=" + plan.size() + " reserved=" + reserved);
        return view;
    }

    /** At most 30 days back, at most 92 days long, and not ending before it starts. */
    private void checkPeriod(LocalDate periodStart, LocalDate periodEnd) {
        LocalDate today = LocalDate.now(clock);
        if (periodEnd.isBefore(periodStart)) {
            throw new InvalidInputException("periodEnd", SchedulingError.INVALID_PERIOD, periodStart, periodEnd);
        }
        if (periodStart.isBefore(today.minusDays(30)) || periodEnd.isAfter(periodStart.plusDays(91))) {
            throw new InvalidInputException("periodStart", SchedulingError.INVALID_PERIOD, periodStart, periodEnd);
        }
    }

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, SchedulingError.VALUE_OUT_OF_RANGE, value, min, max);
        }
    }

    /** The requested share or the jurisdiction's default; below the NN-4 minimum is a 422 citing the clause. */
    private ReservedShare share(PublishSchedule c, ScheduleKind kind, InstitutionId institution) {
        ReservedShare minimum = settings.minimumShare(kind, institution);
        ReservedShare share = c.reservedShare() == null || c.reservedShare().isBlank()
                ? settings.defaultShare(kind, institution) : ReservedShare.parse(c.reservedShare(), "reservedShare");
        if (share.numerator() * (long) minimum.denominator() < minimum.numerator() * (long) share.denominator()) {
            String key = "error." + SchedulingError.SHARE_BELOW_MINIMUM.code();
            String message = Objects.requireNonNull(messages.getMessage(key, new Object[] {"reservedShare", share, minimum, kind},
                    key, LocaleContextHolder.getLocale()), "a default message is given");
            throw new RuleViolationException(List.of(new RuleViolationException.Violation("NN-4", settings.nn4Clause(), message,
                    "reservedShare", List.of("Organization/" + institution))));
        }
        return share;
    }

    private static List<SlotView> slots(ScheduleView schedule, List<SlotPlan.PlannedSlot> plan) {
        var slots = new ArrayList<SlotView>(plan.size());
        for (var p : plan) {
            slots.add(new SlotView(SlotId.random(), schedule.id(), schedule.institutionId(), schedule.department(),
                    schedule.discipline(), schedule.kind(), p.start(), p.end(), p.reserved(),
                    p.reserved() ? SlotPool.PRIMARY_CARE_RESERVED : SlotPool.PUBLIC, SlotStatus.FREE,
                    p.reserved() ? p.start().minus(schedule.releaseLeadTime()) : null, null, 0, schedule.createdAt()));
        }
        return slots;
    }
}
