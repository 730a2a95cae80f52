package org.medunion.registry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.registry.AgreementTarget;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.LogWork;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.WorkLogView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Agreements and charters, dispatched managers and experts, work logs. Agreements and dispatches are
 * checked by the guards (SH-6 … SH-9 live in the policy module) before they commit.
 */
@Component
class CooperationCommands {

    /** At most this many quantified targets per agreement. */
    static final int MAX_TARGETS = 20;
    private static final BigDecimal MAX_TARGET_VALUE = new BigDecimal("999999999");

    private final CooperationStore cooperation;
    private final PractitionerStore practitioners;
    private final ConsortiumCommands consortiumCommands;
    private final ChangeReporter reporter;
    private final RegistryAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    CooperationCommands(CooperationStore cooperation, PractitionerStore practitioners, ConsortiumCommands consortiumCommands,
                        ChangeReporter reporter, RegistryAccess access, AuditTrail audit, Clock clock) {
        this.cooperation = cooperation;
        this.practitioners = practitioners;
        this.consortiumCommands = consortiumCommands;
        this.reporter = reporter;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    AgreementView recordAgreement(ConsortiumId id, RecordAgreement c) {
        ConsortiumView consortium = consortiumCommands.writable(id);
        Check.required(c, "body");
        Check.required(c.type(), "type");
        String title = Check.line(c.title(), "title", 200);
        Check.required(c.parties(), "parties");
        if (c.parties().isEmpty()) {
            throw new InvalidInputException("parties", "field.required");
        }
        Check.maxSize(c.parties(), ConsortiumCommands.MAX_MEMBERS, "parties");
        Set<InstitutionId> members = memberIds(consortium);
        List<InstitutionId> parties = new ArrayList<>();
        for (int i = 0; i < c.parties().size(); i++) {
            InstitutionId party = Check.required(c.parties().get(i), "parties[" + i + "]");
            if (!members.contains(party)) {
                throw new InvalidInputException("parties[" + i + "]", RegistryError.NOT_A_MEMBER, party);
            }
            if (!parties.contains(party)) {
                parties.add(party);
            }
        }
        Check.required(c.termStart(), "termStart");
        Check.notBefore(c.termEnd(), c.termStart(), "termEnd");
        Check.notAfter(c.signedOn(), LocalDate.now(clock), "signedOn");
        var normalised = new RecordAgreement(c.type(), title, parties, c.termStart(), c.termEnd(), c.signedOn(),
                Check.optionalText(c.responsibilities(), "responsibilities", 4000),
                Check.optionalText(c.rights(), "rights", 4000), Check.optionalText(c.benefits(), "benefits", 4000),
                Check.optionalText(c.benefitSharing(), "benefitSharing", 4000),
                Check.optionalText(c.managerDuties(), "managerDuties", 4000), targets(c),
                Check.optionalText(c.overrideReason(), "overrideReason", 1000));
        var caller = access.caller();
        UUID agreementId = UUID.randomUUID();
        cooperation.insertAgreement(agreementId, id.value(), normalised, clock.instant(), caller.username());
        audit.record(AuditAction.CREATE, "Agreement", agreementId.toString(), null, c.type() + " " + id);
        reporter.guard(new RegistryChange("AGREEMENT_RECORDED", id, parties, normalised.overrideReason()));
        return cooperation.agreements(id.value()).stream().filter(a -> a.id().equals(agreementId)).findFirst().orElseThrow();
    }

    /** The quantified targets (SH-17) as given, each complete, its value ≥ 0 and its due day within the agreement's term. */
    private static List<AgreementTarget> targets(RecordAgreement c) {
        if (c.targets() == null) {
            return List.of();
        }
        Check.maxSize(c.targets(), MAX_TARGETS, "targets");
        List<AgreementTarget> out = new ArrayList<>();
        for (int i = 0; i < c.targets().size(); i++) {
            String field = "targets[" + i + "]";
            AgreementTarget t = Check.required(c.targets().get(i), field);
            Check.required(t.area(), field + ".area");
            String indicator = Check.line(t.indicator(), field + ".indicator", 200);
            BigDecimal value = Check.required(t.value(), field + ".value");
            if (value.signum() < 0 || value.compareTo(MAX_TARGET_VALUE) > 0) {
                throw new InvalidInputException(field + ".value", RegistryError.OUT_OF_RANGE, value.toPlainString(), 0,
                        MAX_TARGET_VALUE.toPlainString());
            }
            if (t.dueBy() != null && (t.dueBy().isBefore(c.termStart()) || c.termEnd() != null && t.dueBy().isAfter(c.termEnd()))) {
                throw new InvalidInputException(field + ".dueBy", RegistryError.TARGET_OUTSIDE_TERM, t.dueBy(), c.termStart(),
                        c.termEnd() == null ? "—" : c.termEnd());
            }
            out.add(new AgreementTarget(t.area(), indicator, Rows.plain(value.scale() > 4 ? value.setScale(4, RoundingMode.HALF_UP)
                    : value), Check.optionalLine(t.unit(), field + ".unit", 20), t.dueBy()));
        }
        return out;
    }

    DispatchView dispatch(ConsortiumId id, DispatchStaff c) {
        ConsortiumView consortium = consortiumCommands.writable(id);
        Check.required(c, "body");
        Check.required(c.practitionerId(), "practitionerId");
        PractitionerView p = practitioners.find(c.practitionerId().value())
                .orElseThrow(() -> new InvalidInputException("practitionerId", RegistryError.UNKNOWN_REFERENCE, c.practitionerId()));
        Set<InstitutionId> members = memberIds(consortium);
        if (!members.contains(p.institutionId())) {
            throw new InvalidInputException("practitionerId", RegistryError.NOT_A_MEMBER, p.institutionId());
        }
        InstitutionId to = Check.required(c.toInstitutionId(), "toInstitutionId");
        if (!members.contains(to)) {
            throw new InvalidInputException("toInstitutionId", RegistryError.NOT_A_MEMBER, to);
        }
        if (to.equals(p.institutionId())) {
            throw new InvalidInputException("toInstitutionId", RegistryError.SAME_INSTITUTION);
        }
        Check.required(c.kind(), "kind");
        if (c.kind() == DispatchKind.MANAGER && c.managerRole() == null) {
            throw new InvalidInputException("managerRole", RegistryError.MANAGER_ROLE_REQUIRED);
        }
        Check.required(c.startDate(), "startDate");
        Check.notBefore(c.endDate(), c.startDate(), "endDate");
        int weeklyDays = (int) Check.range(Check.required(c.weeklyDays(), "weeklyDays"), 1, 7, "weeklyDays");
        if (c.agreementId() != null && !cooperation.agreementConsortium(c.agreementId()).map(id.value()::equals).orElse(false)) {
            throw new InvalidInputException("agreementId", RegistryError.UNKNOWN_REFERENCE, c.agreementId());
        }
        var normalised = new DispatchStaff(c.practitionerId(), c.toInstitutionId(), c.kind(),
                c.managerRole(),
                Check.optionalLine(c.discipline(), "discipline", 100), c.startDate(), c.endDate(), weeklyDays,
                c.agreementId(), Check.optionalText(c.overrideReason(), "overrideReason", 1000));
        var caller = access.caller();
        UUID dispatchId = UUID.randomUUID();
        cooperation.insertDispatch(dispatchId, id.value(), p.institutionId().value(), normalised, clock.instant(),
                caller.username());
        audit.record(AuditAction.CREATE, "Dispatch", dispatchId.toString(), null, c.kind() + " " + id);
        reporter.guard(new RegistryChange("DISPATCH_RECORDED", id, List.of(p.institutionId(), c.toInstitutionId()),
                normalised.overrideReason()));
        return cooperation.dispatch(dispatchId).orElseThrow();
    }

    WorkLogView logWork(UUID dispatchId, LogWork c) {
        Check.required(dispatchId, "id");
        DispatchView d = cooperation.dispatch(dispatchId).orElseThrow(() -> new NotFoundException("Dispatch", dispatchId));
        consortiumCommands.writableHeader(d.consortiumId());
        Check.required(c, "body");
        LocalDate workDate = Check.required(c.workDate(), "workDate");
        if (workDate.isBefore(d.startDate()) || d.endDate() != null && workDate.isAfter(d.endDate())) {
            throw new InvalidInputException("workDate", RegistryError.OUTSIDE_PERIOD, workDate, d.startDate(),
                    d.endDate() == null ? "" : d.endDate());
        }
        Check.notAfter(c.workDate(), LocalDate.now(clock), "workDate");
        double hours = c.hours() == null ? 8.0 : Check.range(c.hours(), 0.5, 24, "hours");
        String note = Check.optionalText(c.note(), "note", 1000);
        if (cooperation.workLogExists(dispatchId, c.workDate())) {
            throw new ConflictException(RegistryError.DUPLICATE_WORK_LOG, "workDate", c.workDate());
        }
        var caller = access.caller();
        UUID logId = UUID.randomUUID();
        cooperation.insertWorkLog(logId, dispatchId, new LogWork(c.workDate(), hours, note), hours, clock.instant(),
                caller.username());
        audit.record(AuditAction.CREATE, "WorkLog", logId.toString(), null, "dispatch " + dispatchId);
        // SH-9 measures days on site from the work logs
        reporter.guard(new RegistryChange("WORK_LOGGED", d.consortiumId(), List.of(d.toInstitutionId()), null));
        return new WorkLogView(logId, dispatchId, c.workDate(), hours, note);
    }

    private static Set<InstitutionId> memberIds(ConsortiumView c) {
        Set<InstitutionId> ids = new HashSet<>();
        c.members().stream().filter(m -> m.endDate() == null).forEach(m -> ids.add(m.institutionId()));
        return ids;
    }
}
