package org.medunion.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.medunion.registry.MembershipView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.WorkLogView;
import org.medunion.shared.ChangeWindow;
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
    private final PractitionerStore practitioners;
    private final ConsortiumStore consortia;
    private final CooperationStore cooperation;
    private final InstitutionCommands institutionCommands;
    private final ConsortiumCommands consortiumCommands;
    private final CooperationCommands cooperationCommands;
    private final InstitutionQueries institutionQueries;
    private final ChangeReportQueries reportQueries;
    private final DirectoryQueries directory;
    private final RegistryAccess access;
    private final AuditTrail audit;

    RegistryService(ReferenceDataStore referenceData, PractitionerStore practitioners, ConsortiumStore consortia,
                    CooperationStore cooperation, InstitutionCommands institutionCommands, ConsortiumCommands consortiumCommands,
                    CooperationCommands cooperationCommands, InstitutionQueries institutionQueries, ChangeReportQueries reportQueries,
                    DirectoryQueries directory, RegistryAccess access, AuditTrail audit) {
        this.referenceData = referenceData;
        this.practitioners = practitioners;
        this.consortia = consortia;
        this.cooperation = cooperation;
        this.institutionCommands = institutionCommands;
        this.consortiumCommands = consortiumCommands;
        this.cooperationCommands = cooperationCommands;
        this.institutionQueries = institutionQueries;
        this.reportQueries = reportQueries;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
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
            throw new InvalidInputException("district", RegistryError.UNKNOWN_DISTRICT, districtCode);
        }
        return referenceData.grids(districtCode);
    }

    @Override
    @Transactional
    public GridView drawGrid(DrawGrid command) {
        requirePlannerRole();
        return institutionCommands.drawGrid(command);
    }

    // institutions

    @Override
    public List<InstitutionView> searchInstitutions(InstitutionSearch search, ChangeWindow changed) {
        return institutionQueries.search(search, changed);
    }

    @Override
    public long countInstitutions(InstitutionSearch search) {
        return institutionQueries.count(search);
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
        return institutionQueries.byCreditCode(creditCode).flatMap(i -> institution(i.id()));
    }

    @Override
    @Transactional
    public InstitutionView registerInstitution(RegisterInstitution command) {
        requirePlannerRole();
        return institutionCommands.register(command);
    }

    @Override
    @Transactional
    public InstitutionView updateInstitution(InstitutionId id, long expectedVersion, RegisterInstitution command) {
        requirePlannerRole();
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
        requireConsortiumWriterRole();
        return institutionCommands.registerPractitioner(command);
    }

    @Override
    @Transactional
    public PractitionerView updatePractitioner(PractitionerId id, long expectedVersion, RegisterPractitioner command,
                                               @Nullable String overrideReason) {
        requireConsortiumWriterRole();
        return institutionCommands.updatePractitioner(id, expectedVersion, command, overrideReason);
    }

    @Override
    public List<PractitionerView> visiblePractitioners(ChangeWindow changed) {
        return institutionQueries.visiblePractitioners(changed);
    }

    @Override
    public List<StudyPeriodView> studyPeriods(PractitionerId id) {
        institutionCommands.visiblePractitioner(id);
        return practitioners.studyPeriods(id.value());
    }

    @Override
    @Transactional
    public StudyPeriodView recordStudyPeriod(PractitionerId id, RecordStudyPeriod command) {
        requireConsortiumWriterRole();
        return institutionCommands.recordStudyPeriod(id, command);
    }

    // consortia

    @Override
    public List<ConsortiumView> consortia(ChangeWindow changed) {
        List<Object> params = new ArrayList<>();
        return consortia.query(access.caller().consortiumFilter(params), params, changed);
    }

    @Override
    public List<MembershipView> memberships(ChangeWindow changed) {
        List<Object> params = new ArrayList<>();
        return consortia.memberships(access.caller().consortiumFilter(params), params, changed);
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
        requirePlannerRole();
        return consortiumCommands.form(command);
    }

    @Override
    @Transactional
    public ConsortiumView addMember(ConsortiumId id, AddMember command) {
        requireConsortiumWriterRole();
        return consortiumCommands.addMember(id, command);
    }

    @Override
    @Transactional
    public ConsortiumView endMembership(ConsortiumId id, @Nullable EndMembership command) {
        requireConsortiumWriterRole();
        return consortiumCommands.endMembership(id, command);
    }

    @Override
    @Transactional
    public ConsortiumView dissolveConsortium(ConsortiumId id, DissolveConsortium command) {
        requireConsortiumWriterRole();
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
        requireConsortiumWriterRole();
        return cooperationCommands.recordAgreement(id, command);
    }

    @Override
    public List<DispatchView> dispatches(ConsortiumId id) {
        return cooperation.dispatches(consortiumCommands.visible(id).id().value());
    }

    @Override
    public List<DispatchView> visibleDispatches(ChangeWindow changed) {
        List<Object> params = new ArrayList<>();
        return cooperation.dispatchesOfConsortia(access.caller().consortiumFilter(params), params, changed);
    }

    @Override
    @Transactional
    public DispatchView dispatchStaff(ConsortiumId id, DispatchStaff command) {
        requireConsortiumWriterRole();
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
        requireConsortiumWriterRole();
        return cooperationCommands.logWork(dispatchId, command);
    }

    // change reports

    @Override
    public List<ChangeReportView> changeReports(@Nullable ConsortiumId consortiumIdOrNull) {
        return reportQueries.changeReports(consortiumIdOrNull);
    }

    @Override
    public Optional<ChangeReportView> changeReport(UUID id) {
        return reportQueries.changeReport(id);
    }

    @Override
    @Transactional
    public byte[] exportChangeReports(@Nullable ConsortiumId consortiumIdOrNull) {
        return reportQueries.export(consortiumIdOrNull);
    }

    // look-ups across scope, each for a named purpose (RegistryDirectory)

    @Override
    public Optional<InstitutionView> institutionEntry(InstitutionId id) {
        return directory.institution(id);
    }

    @Override
    public Map<InstitutionId, String> institutionNames(Collection<InstitutionId> ids) {
        return directory.institutionNames(ids);
    }

    @Override
    public Set<InstitutionId> institutionsWithin(String divisionCode) {
        return directory.institutionsWithin(divisionCode);
    }

    @Override
    public List<InstitutionView> hospitals() {
        return directory.hospitals();
    }

    @Override
    public Optional<ConsortiumView> consortiumEntry(ConsortiumId id) {
        return directory.consortium(id);
    }

    @Override
    public List<ConsortiumView> activeConsortiaOf(InstitutionId id) {
        return directory.activeConsortiaOf(id);
    }

    @Override
    public Optional<PractitionerView> practitionerEntry(PractitionerId id) {
        return directory.practitioner(id);
    }

    @Override
    public Map<PractitionerId, String> practitionerNames(Collection<PractitionerId> ids) {
        return directory.practitionerNames(ids);
    }

    @Override
    public List<AgreementView> agreementsBetween(InstitutionId a, InstitutionId b) {
        return cooperation.agreementsBetween(a.value(), b.value());
    }

    @Override
    public List<DispatchView> dispatchesOf(PractitionerId id) {
        return cooperation.dispatchesOf(id.value());
    }

    /** Institutions and grids: administrators and planners (the district is checked with the command). */
    private void requirePlannerRole() {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER);
    }

    /** Practitioners, consortia and their cooperation: consortium offices too (their consortium is checked later). */
    private void requireConsortiumWriterRole() {
        access.caller().requireRoleAmong(Role.ADMIN, Role.PLANNER, Role.OFFICE);
    }
}
