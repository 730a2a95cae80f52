package org.medunion.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.Role;
import org.medunion.registry.AddMember;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DissolveConsortium;
import org.medunion.registry.DistrictView;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.EndMembership;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GridView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.LogWork;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.WorkLogView;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry facade: reads limited to the caller's scope, changes validated, scoped, audited, guarded
 * and — for consortium relations — reported (SH-10), each in one transaction.
 */
@Service
@Transactional(readOnly = true)
class RegistryService implements RegistryManagement {

    private final ReferenceDataStore referenceData;
    private final InstitutionStore institutions;
    private final PractitionerStore practitioners;
    private final ConsortiumStore consortia;
    private final CooperationStore cooperation;
    private final ChangeReportStore reports;
    private final InstitutionCommands institutionCommands;
    private final ConsortiumCommands consortiumCommands;
    private final CooperationCommands cooperationCommands;
    private final ChangeReportWorkbook workbook;
    private final RegistryAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    RegistryService(ReferenceDataStore referenceData, InstitutionStore institutions, PractitionerStore practitioners,
                    ConsortiumStore consortia, CooperationStore cooperation, ChangeReportStore reports,
                    InstitutionCommands institutionCommands, ConsortiumCommands consortiumCommands,
                    CooperationCommands cooperationCommands, ChangeReportWorkbook workbook, RegistryAccess access,
                    AuditTrail audit, Clock clock) {
        this.referenceData = referenceData;
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.consortia = consortia;
        this.cooperation = cooperation;
        this.reports = reports;
        this.institutionCommands = institutionCommands;
        this.consortiumCommands = consortiumCommands;
        this.cooperationCommands = cooperationCommands;
        this.workbook = workbook;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    // districts and grids

    @Override
    public List<DistrictView> districts() {
        return referenceData.districts();
    }

    @Override
    public Optional<DistrictView> district(String code) {
        return code == null ? Optional.empty() : referenceData.district(code);
    }

    @Override
    public List<GridView> grids(String districtCode) {
        if (districtCode != null && referenceData.district(districtCode).isEmpty()) {
            throw new InvalidInputException("district", RegistryErrors.UNKNOWN_DISTRICT, districtCode);
        }
        return referenceData.grids(districtCode);
    }

    @Override
    @Transactional
    public GridView drawGrid(DrawGrid command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER);
        return institutionCommands.drawGrid(command);
    }

    // institutions

    @Override
    public List<InstitutionView> searchInstitutions(InstitutionSearch search) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        int limit = (int) Check.range(search.limit(), 1, 10_000, "limit");
        int offset = (int) Check.range(search.offset(), 0, Integer.MAX_VALUE, "offset");
        return institutions.query(where, params, offset, limit);
    }

    @Override
    public long countInstitutions(InstitutionSearch search) {
        List<Object> params = new ArrayList<>();
        return institutions.count(where(search, params), params);
    }

    private String where(InstitutionSearch s, List<Object> params) {
        Check.required(s, "search");
        var where = new StringBuilder();
        String text = Check.optionalText(s.text(), "text", 100);
        if (text != null) {
            where.append(" and (lower(i.name) like ? or i.credit_code like ?)");
            String pattern = "%" + text.toLowerCase().replace("\\", "").replace("%", "").replace("_", "") + "%";
            params.add(pattern);
            params.add(text.toUpperCase().replace("%", "").replace("_", "") + "%");
        }
        if (s.category() != null) {
            where.append(" and i.category = ?");
            params.add(s.category().name());
        }
        if (s.level() != null) {
            where.append(" and i.level = ?");
            params.add(s.level().name());
        }
        if (s.affiliation() != null) {
            where.append(" and i.affiliation = ?");
            params.add(s.affiliation().name());
        }
        if (s.districtCode() != null) {
            if (referenceData.district(s.districtCode()).isEmpty()) {
                throw new InvalidInputException("district", RegistryErrors.UNKNOWN_DISTRICT, s.districtCode());
            }
            where.append(" and i.district_code like ?");
            params.add(RegistryAccess.Caller.prefix(s.districtCode()) + "%");
        }
        if (s.consortiumId() != null) {
            where.append(" and i.id in (select m.institution_id from registry_membership m where m.consortium_id = ? and m.end_date is null)");
            params.add(s.consortiumId().value());
        }
        if (Boolean.TRUE.equals(s.primaryOnly())) {
            where.append(" and i.category in ('COMMUNITY_HEALTH_CENTRE', 'COMMUNITY_HEALTH_STATION', 'TOWNSHIP_HOSPITAL', 'VILLAGE_CLINIC')");
        }
        where.append(access.caller().institutionFilter(params));
        return where.toString();
    }

    @Override
    public Optional<InstitutionView> institution(InstitutionId id) {
        try {
            return Optional.of(institutionCommands.visibleInstitution(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<InstitutionView> institutionByCreditCode(String creditCode) {
        if (creditCode == null) {
            return Optional.empty();
        }
        return institutions.findByCreditCode(creditCode.trim().toUpperCase()).flatMap(i -> institution(i.id()));
    }

    @Override
    @Transactional
    public InstitutionView registerInstitution(RegisterInstitution command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER);
        return institutionCommands.register(command);
    }

    @Override
    @Transactional
    public InstitutionView updateInstitution(InstitutionId id, long expectedVersion, RegisterInstitution command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER);
        return institutionCommands.update(id, expectedVersion, command);
    }

    // practitioners (personal data: reads are audited)

    @Override
    @Transactional
    public List<PractitionerView> practitioners(InstitutionId institutionId) {
        InstitutionView institution = institutionCommands.visibleInstitution(Check.required(institutionId, "institution"));
        List<PractitionerView> list = practitioners.byInstitution(institution.id().value());
        audit.record(AuditAction.SEARCH, "Practitioner", null, null, "institution " + institutionId + ": " + list.size());
        return list;
    }

    @Override
    @Transactional
    public Optional<PractitionerView> practitioner(PractitionerId id) {
        try {
            PractitionerView p = institutionCommands.visiblePractitioner(id);
            audit.record(AuditAction.READ, "Practitioner", id.toString(), null, null);
            return Optional.of(p);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public PractitionerView registerPractitioner(RegisterPractitioner command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return institutionCommands.registerPractitioner(command);
    }

    @Override
    @Transactional
    public PractitionerView updatePractitioner(PractitionerId id, long expectedVersion, RegisterPractitioner command,
                                               String overrideReason) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return institutionCommands.updatePractitioner(id, expectedVersion, command, overrideReason);
    }

    @Override
    public List<StudyPeriodView> studyPeriods(PractitionerId id) {
        institutionCommands.visiblePractitioner(id);
        return practitioners.studyPeriods(id.value());
    }

    @Override
    @Transactional
    public StudyPeriodView recordStudyPeriod(PractitionerId id, RecordStudyPeriod command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return institutionCommands.recordStudyPeriod(id, command);
    }

    // consortia

    @Override
    public List<ConsortiumView> consortia() {
        List<Object> params = new ArrayList<>();
        return consortia.query(access.caller().consortiumFilter(params), params);
    }

    @Override
    public Optional<ConsortiumView> consortium(ConsortiumId id) {
        try {
            return Optional.of(consortiumCommands.visible(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ConsortiumView> consortiaOf(InstitutionId institutionId) {
        institutionCommands.visibleInstitution(Check.required(institutionId, "institution"));
        List<Object> params = new ArrayList<>();
        params.add(institutionId.value());
        String where = " and c.id in (select m.consortium_id from registry_membership m where m.institution_id = ? and m.end_date is null)"
                + access.caller().consortiumFilter(params);
        return consortia.query(where, params);
    }

    @Override
    @Transactional
    public ConsortiumView formConsortium(FormConsortium command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER);
        return consortiumCommands.form(command);
    }

    @Override
    @Transactional
    public ConsortiumView addMember(ConsortiumId id, AddMember command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return consortiumCommands.addMember(id, command);
    }

    @Override
    @Transactional
    public ConsortiumView endMembership(ConsortiumId id, EndMembership command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return consortiumCommands.endMembership(id, command);
    }

    @Override
    @Transactional
    public ConsortiumView dissolveConsortium(ConsortiumId id, DissolveConsortium command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return consortiumCommands.dissolve(id, command);
    }

    // agreements, dispatches, work logs

    @Override
    public List<AgreementView> agreements(ConsortiumId id) {
        return cooperation.agreements(consortiumCommands.visible(id).id().value());
    }

    @Override
    @Transactional
    public AgreementView recordAgreement(ConsortiumId id, RecordAgreement command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return cooperationCommands.recordAgreement(id, command);
    }

    @Override
    public List<DispatchView> dispatches(ConsortiumId id) {
        return cooperation.dispatches(consortiumCommands.visible(id).id().value());
    }

    @Override
    @Transactional
    public DispatchView dispatchStaff(ConsortiumId id, DispatchStaff command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return cooperationCommands.dispatch(id, command);
    }

    @Override
    public List<WorkLogView> workLogs(UUID dispatchId) {
        Check.required(dispatchId, "id");
        DispatchView d = cooperation.dispatch(dispatchId).orElseThrow(() -> new NotFoundException("Dispatch", dispatchId));
        try {
            consortiumCommands.visible(d.consortiumId());
        } catch (NotFoundException e) {
            throw new NotFoundException("Dispatch", dispatchId);
        }
        return cooperation.workLogs(dispatchId);
    }

    @Override
    @Transactional
    public WorkLogView logWork(UUID dispatchId, LogWork command) {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
        return cooperationCommands.logWork(dispatchId, command);
    }

    // change reports

    @Override
    public List<ChangeReportView> changeReports(ConsortiumId consortiumIdOrNull) {
        return storedReports(consortiumIdOrNull).stream().map(ChangeReportStore.Stored::view).toList();
    }

    private List<ChangeReportStore.Stored> storedReports(ConsortiumId consortiumIdOrNull) {
        List<Object> params = new ArrayList<>();
        var where = new StringBuilder();
        if (consortiumIdOrNull != null) {
            consortiumCommands.visible(consortiumIdOrNull);
            where.append(" and r.consortium_id = ?");
            params.add(consortiumIdOrNull.value());
        }
        where.append(" and r.consortium_id in (select c.id from registry_consortium c where 1=1")
                .append(access.caller().consortiumFilter(params)).append(")");
        return reports.query(where.toString(), params);
    }

    @Override
    public Optional<ChangeReportView> changeReport(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return reports.find(id).filter(r -> consortium(r.view().consortiumId()).isPresent()).map(ChangeReportStore.Stored::view);
    }

    @Override
    @Transactional
    public byte[] exportChangeReports(ConsortiumId consortiumIdOrNull) {
        List<ChangeReportStore.Stored> list = storedReports(consortiumIdOrNull);
        Map<InstitutionId, String> names = new LinkedHashMap<>();
        list.stream().map(r -> r.view().reportingInstitution()).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> institutions.find(id.value()).ifPresent(i -> names.put(id, i.name())));
        audit.record(AuditAction.EXPORT, "ChangeReport", consortiumIdOrNull == null ? null : consortiumIdOrNull.toString(),
                null, list.size() + " reports");
        return workbook.write(list, names, clock.getZone());
    }

    // unscoped reads for other modules

    @Override
    public List<InstitutionView> allInstitutionsUnscoped() {
        return institutions.query("", List.of(), 0, Integer.MAX_VALUE);
    }

    @Override
    public List<ConsortiumView> allConsortiaUnscoped() {
        return consortia.query("", List.of());
    }

    @Override
    public Optional<InstitutionView> institutionUnscoped(InstitutionId id) {
        return id == null ? Optional.empty() : institutions.find(id.value());
    }

    @Override
    public Optional<PractitionerView> practitionerUnscoped(PractitionerId id) {
        return id == null ? Optional.empty() : practitioners.find(id.value());
    }

    @Override
    public Optional<ConsortiumView> consortiumUnscoped(ConsortiumId id) {
        return id == null ? Optional.empty() : consortia.find(id.value());
    }

    @Override
    public List<PractitionerView> allPractitionersUnscoped() {
        return practitioners.all();
    }

    @Override
    public List<DispatchView> allDispatchesUnscoped() {
        return cooperation.dispatches(null);
    }

    @Override
    public List<WorkLogView> allWorkLogsUnscoped() {
        return cooperation.workLogs(null);
    }

    @Override
    public List<AgreementView> allAgreementsUnscoped() {
        return cooperation.agreements(null);
    }

    @Override
    public List<StudyPeriodView> allStudyPeriodsUnscoped() {
        return practitioners.allStudyPeriods();
    }

    @Override
    public List<GridView> allGridsUnscoped() {
        return referenceData.grids(null);
    }

    @Override
    public List<ChangeReportView> allChangeReportsUnscoped() {
        return reports.query("", List.of()).stream().map(ChangeReportStore.Stored::view).toList();
    }
}
