package org.medunion.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.Role;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.GridView;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.StudyPeriodView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.CreditCode;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Changes of grids, institutions and practitioners: validated, scoped, audited. Runs in the facade's transaction. */
@Component
class InstitutionCommands {

    private final ReferenceDataStore referenceData;
    private final InstitutionStore institutions;
    private final PractitionerStore practitioners;
    private final ConsortiumStore consortia;
    private final RegistryAccess access;
    private final AuditTrail audit;
    private final ChangeReporter reporter;
    private final Clock clock;

    InstitutionCommands(ReferenceDataStore referenceData, InstitutionStore institutions, PractitionerStore practitioners,
                        ConsortiumStore consortia, RegistryAccess access, AuditTrail audit, ChangeReporter reporter,
                        Clock clock) {
        this.referenceData = referenceData;
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.consortia = consortia;
        this.access = access;
        this.audit = audit;
        this.reporter = reporter;
        this.clock = clock;
    }

    void requireDistrict(@Nullable String code, String field) {
        Check.required(code, field);
        if (referenceData.district(code).isEmpty()) {
            throw new InvalidInputException(field, RegistryError.UNKNOWN_DISTRICT, code);
        }
    }

    InstitutionId requireInstitution(@Nullable InstitutionId id, String field) {
        InstitutionId known = Check.required(id, field);
        if (!institutions.exists(known.value())) {
            throw new InvalidInputException(field, RegistryError.UNKNOWN_REFERENCE, known);
        }
        return known;
    }

    GridView drawGrid(DrawGrid c) {
        Check.required(c, "body");
        String code = Check.line(c.code(), "code", 40);
        String name = Check.name(c.name(), "name", 100);
        requireDistrict(c.districtCode(), "districtCode");
        Check.maxSize(c.streets(), 200, "streets");
        List<String> streets = new ArrayList<>();
        if (c.streets() != null) {
            for (int i = 0; i < c.streets().size(); i++) {
                streets.add(Check.name(c.streets().get(i), "streets[" + i + "]", 100));
            }
        }
        long population = c.population() == null ? 0 : Check.range(c.population(), 0, 100_000_000, "population");
        var caller = access.caller();
        caller.requirePlannerOf(c.districtCode());
        if (referenceData.gridCodeTaken(code)) {
            throw new ConflictException(RegistryError.DUPLICATE_GRID_CODE, "code", code);
        }
        UUID id = UUID.randomUUID();
        referenceData.insertGrid(id, code, name, c.districtCode(), streets, population, clock.instant(), caller.username());
        audit.record(AuditAction.CREATE, "Grid", id.toString(), null, code);
        // grids and their population are read by NN-1 and NAT-1: the guard re-evaluates after commit
        reporter.guard(new RegistryChange("GRID_DRAWN", null, List.of(), null));
        return referenceData.grid(id).orElseThrow();
    }

    InstitutionView register(RegisterInstitution command) {
        RegisterInstitution c = validate(command, null);
        var caller = access.caller();
        caller.requirePlannerOf(c.districtCode());
        if (institutions.creditCodeTaken(c.creditCode())) {
            throw new ConflictException(RegistryError.DUPLICATE_CREDIT_CODE, "creditCode", c.creditCode());
        }
        UUID id = UUID.randomUUID();
        var now = clock.instant();
        institutions.insert(id, c, now, caller.username());
        audit.record(AuditAction.CREATE, "Institution", id.toString(), null, c.name());
        reporter.guard(new RegistryChange("INSTITUTION_REGISTERED", null, List.of(new InstitutionId(id)), null));
        return new InstitutionView(new InstitutionId(id), Check.required(c.name(), "name"),
                Check.required(c.creditCode(), "creditCode"), Check.required(c.category(), "category"),
                Check.required(c.level(), "level"), c.grade(), c.ownership(), c.ownerBody(), c.affiliation(), Check.flag(c.tcm()),
                Check.required(c.districtCode(), "districtCode"),
                c.gridId(), c.parentId(), Check.flag(c.regionalMedicalCentre()), c.address(), List.copyOf(c.campuses()),
                List.copyOf(c.keySpecialties()), 0,
                now.truncatedTo(ChronoUnit.MICROS));
    }

    InstitutionView update(InstitutionId id, long expectedVersion, RegisterInstitution command) {
        Check.required(id, "id");
        var caller = access.caller();
        InstitutionView current = visibleInstitution(id);
        RegisterInstitution c = validate(command, id);
        caller.requirePlannerOf(current.districtCode());
        caller.requirePlannerOf(c.districtCode());
        if (institutions.creditCodeTaken(c.creditCode(), id.value())) {
            throw new ConflictException(RegistryError.DUPLICATE_CREDIT_CODE, "creditCode", c.creditCode());
        }
        if (!institutions.update(id.value(), expectedVersion, c, clock.instant(), caller.username())) {
            throw new ConflictException(RegistryError.STALE_VERSION, "version", expectedVersion);
        }
        audit.record(AuditAction.UPDATE, "Institution", id.toString(), null, "version " + (expectedVersion + 1));
        // affiliation, category or home district may change what SH-3 / SH-4 count
        reporter.guard(new RegistryChange("INSTITUTION_UPDATED", null, List.of(id), null));
        return institutions.find(id.value()).orElseThrow();
    }

    /** An institution the caller may see, else 404 (we do not tell which). */
    InstitutionView visibleInstitution(InstitutionId id) {
        List<Object> params = new ArrayList<>();
        params.add(id.value());
        String where = " and i.id = ?" + access.caller().institutionFilter(params);
        return institutions.query(where, params, 0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Institution", id));
    }

    private RegisterInstitution validate(RegisterInstitution c, @Nullable InstitutionId self) {
        Check.required(c, "body");
        String name = Check.name(c.name(), "name", 200);
        String creditCode = CreditCode.requireValid(c.creditCode(), "creditCode");
        InstitutionCategory category = Check.required(c.category(), "category");
        Check.required(c.level(), "level");
        Check.required(c.ownership(), "ownership");
        Check.required(c.affiliation(), "affiliation");
        requireDistrict(c.districtCode(), "districtCode");
        if (c.gridId() != null) {
            GridView grid = referenceData.grid(c.gridId().value())
                    .orElseThrow(() -> new InvalidInputException("gridId", RegistryError.UNKNOWN_REFERENCE, c.gridId()));
            if (!grid.districtCode().equals(c.districtCode())) {
                throw new InvalidInputException("gridId", RegistryError.GRID_OUTSIDE_DISTRICT, grid.code(), c.districtCode());
            }
        }
        if (c.parentId() != null) {
            if (c.parentId().equals(self)) {
                throw new InvalidInputException("parentId", RegistryError.OWN_PARENT);
            }
            requireInstitution(c.parentId(), "parentId");
        }
        Check.maxSize(c.campuses(), 50, "campuses");
        List<InstitutionView.Campus> campuses = new ArrayList<>();
        if (c.campuses() != null) {
            for (int i = 0; i < c.campuses().size(); i++) {
                var campus = Check.required(c.campuses().get(i), "campuses[" + i + "]");
                requireDistrict(campus.districtCode(), "campuses[" + i + "].districtCode");
                campuses.add(new InstitutionView.Campus(campus.districtCode(),
                        Check.name(campus.name(), "campuses[" + i + "].name", 200), campus.planned()));
            }
        }
        Check.maxSize(c.keySpecialties(), 100, "keySpecialties");
        List<InstitutionView.KeySpecialty> specialties = new ArrayList<>();
        if (c.keySpecialties() != null) {
            for (int i = 0; i < c.keySpecialties().size(); i++) {
                var s = Check.required(c.keySpecialties().get(i), "keySpecialties[" + i + "]");
                specialties.add(new InstitutionView.KeySpecialty(
                        Check.line(s.discipline(), "keySpecialties[" + i + "].discipline", 100),
                        Check.required(s.level(), "keySpecialties[" + i + "].level")));
            }
        }
        return new RegisterInstitution(name, creditCode, category, c.level(),
                c.grade() == null ? HospitalGrade.UNGRADED : c.grade(), c.ownership(),
                Check.optionalLine(c.ownerBody(), "ownerBody", 200), c.affiliation(),
                Check.flag(c.tcm()) || category.isTcm(), c.districtCode(), c.gridId(), c.parentId(),
                Check.flag(c.regionalMedicalCentre()), Check.optionalText(c.address(), "address", 300), campuses,
                specialties);
    }

    // practitioners

    PractitionerView registerPractitioner(RegisterPractitioner command) {
        RegisterPractitioner c = validate(command);
        InstitutionId workplace = Check.required(c.institutionId(), "institutionId");
        var caller = access.caller();
        requirePractitionerWriter(caller, workplace.value());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        practitioners.insert(id, c, now, caller.username());
        audit.record(AuditAction.CREATE, "Practitioner", id.toString(), null, null);
        // SH-14 reads GPs and paediatricians of primary institutions
        reporter.guard(new RegistryChange("PRACTITIONER_REGISTERED", null, List.of(workplace), null));
        return new PractitionerView(new PractitionerId(id), c.name(), workplace, c.profession(), c.title(),
                c.titleDate(), c.discipline(), Check.flag(c.generalPractitioner()), Check.flag(c.paediatrician()), 0, now);
    }

    /**
     * Title, title date, profession and workplace are read by SH-8 (dispatched physicians) and SH-14: the change is
     * guarded like every other registry change the rules read, so a title date that disqualifies a dispatched
     * physician is refused (or let through by a planner's {@code overrideReason}) and reverting it resolves the finding.
     */
    PractitionerView updatePractitioner(PractitionerId id, long expectedVersion, RegisterPractitioner command,
                                        @Nullable String overrideReason) {
        Check.required(id, "id");
        PractitionerView current = visiblePractitioner(id);
        RegisterPractitioner c = validate(command);
        InstitutionId workplace = Check.required(c.institutionId(), "institutionId");
        var caller = access.caller();
        requirePractitionerWriter(caller, current.institutionId().value());
        requirePractitionerWriter(caller, workplace.value());
        if (!practitioners.update(id.value(), expectedVersion, c, clock.instant())) {
            throw new ConflictException(RegistryError.STALE_VERSION, "version", expectedVersion);
        }
        audit.record(AuditAction.UPDATE, "Practitioner", id.toString(), null, "version " + (expectedVersion + 1));
        List<InstitutionId> concerned = current.institutionId().equals(workplace) ? List.of(workplace)
                : List.of(current.institutionId(), workplace);
        reporter.guard(new RegistryChange("PRACTITIONER_UPDATED", null, concerned,
                Check.optionalText(overrideReason, "overrideReason", 1000)));
        return practitioners.find(id.value()).orElseThrow();
    }

    /** A practitioner of an institution the caller may see, else 404. */
    PractitionerView visiblePractitioner(PractitionerId id) {
        PractitionerView p = practitioners.find(id.value()).orElseThrow(() -> new NotFoundException("Practitioner", id));
        try {
            visibleInstitution(p.institutionId());
        } catch (NotFoundException e) {
            throw new NotFoundException("Practitioner", id);
        }
        return p;
    }

    StudyPeriodView recordStudyPeriod(PractitionerId id, RecordStudyPeriod c) {
        Check.required(id, "id");
        Check.required(c, "body");
        PractitionerView p = visiblePractitioner(id);
        InstitutionId host = requireInstitution(c.hostInstitutionId(), "hostInstitutionId");
        Check.required(c.startDate(), "startDate");
        Check.required(c.endDate(), "endDate");
        Check.notBefore(c.endDate(), c.startDate(), "endDate");
        var caller = access.caller();
        requirePractitionerWriter(caller, p.institutionId().value());
        UUID periodId = UUID.randomUUID();
        practitioners.insertStudyPeriod(periodId, id.value(), c, clock.instant(), caller.username());
        audit.record(AuditAction.UPDATE, "Practitioner", id.toString(), null, "study period " + periodId);
        reporter.guard(new RegistryChange("STUDY_PERIOD_RECORDED", null, List.of(p.institutionId()), null));
        return new StudyPeriodView(periodId, id, host, c.startDate(), c.endDate());
    }

    /** Looks up the institution's district and consortia only when the caller's role needs them. */
    private void requirePractitionerWriter(RegistryAccess.Caller caller, UUID institution) {
        if (caller.seesAll() && (caller.user() == null || caller.user().role() == Role.ADMIN)) {
            return;
        }
        List<UUID> memberOf = caller.user() != null && caller.user().role() == Role.OFFICE
                ? consortia.consortiaOf(institution) : List.of();
        caller.requirePractitionerWriter(institutions.districtOf(institution), memberOf);
    }

    private RegisterPractitioner validate(RegisterPractitioner c) {
        Check.required(c, "body");
        String name = Check.name(c.name(), "name", 100);
        requireInstitution(c.institutionId(), "institutionId");
        Check.required(c.profession(), "profession");
        Check.required(c.title(), "title");
        Check.notAfter(c.titleDate(), LocalDate.now(clock), "titleDate");
        return new RegisterPractitioner(name, c.institutionId(), c.profession(), c.title(), c.titleDate(),
                Check.optionalLine(c.discipline(), "discipline", 100), Check.flag(c.generalPractitioner()),
                Check.flag(c.paediatrician()));
    }
}
