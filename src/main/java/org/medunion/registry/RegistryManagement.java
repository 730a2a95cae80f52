package org.medunion.registry;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.ChangeWindow;

/**
 * The registry's facade. Every query is limited to the caller's scope (a planner sees the
 * jurisdiction, a consortium office its consortium and members, an institution account its
 * institution and the consortia it belongs to); every change is checked by the
 * {@link RegistryChangeGuard}s, audited, and — for consortium relations — reported (SH-10).
 * Look-ups across scope for a named purpose come from {@link RegistryDirectory}; city-wide reads without
 * scope are not here but in {@link org.medunion.registry.unscoped.CityWideRegistry} (policy and demo only).
 */
public interface RegistryManagement extends RegistryDirectory {

    // districts and grids
    List<DistrictView> districts();

    List<GridView> grids(String districtCode);

    GridView drawGrid(DrawGrid command);

    // institutions
    default List<InstitutionView> searchInstitutions(InstitutionSearch search) {
        return searchInstitutions(search, ChangeWindow.ANY);
    }

    /** {@link #searchInstitutions(InstitutionSearch)} last changed within {@code changed} (in SQL; FHIR _lastUpdated). */
    List<InstitutionView> searchInstitutions(InstitutionSearch search, ChangeWindow changed);

    long countInstitutions(InstitutionSearch search);

    Optional<InstitutionView> institution(InstitutionId id);

    Optional<InstitutionView> institutionByCreditCode(String creditCode);

    InstitutionView registerInstitution(RegisterInstitution command);

    /** Version-aware: a stale {@code expectedVersion} gives a 409. */
    InstitutionView updateInstitution(InstitutionId id, long expectedVersion, RegisterInstitution command);

    // practitioners
    List<PractitionerView> practitioners(InstitutionId institutionId);

    Optional<PractitionerView> practitioner(PractitionerId id);

    /** Practitioners of the institutions the caller may see, selected in SQL (FHIR search; not audited). */
    default List<PractitionerView> visiblePractitioners() {
        return visiblePractitioners(ChangeWindow.ANY);
    }

    /** {@link #visiblePractitioners()} last changed within {@code changed}, selected in SQL. */
    List<PractitionerView> visiblePractitioners(ChangeWindow changed);

    PractitionerView registerPractitioner(RegisterPractitioner command);

    default PractitionerView updatePractitioner(PractitionerId id, long expectedVersion, RegisterPractitioner command) {
        return updatePractitioner(id, expectedVersion, command, null);
    }

    /** As above; a planner's {@code overrideReason} lets through a change a blocking rule (SH-8) would refuse. */
    PractitionerView updatePractitioner(PractitionerId id, long expectedVersion, RegisterPractitioner command,
                                        @Nullable String overrideReason);

    List<StudyPeriodView> studyPeriods(PractitionerId id);

    StudyPeriodView recordStudyPeriod(PractitionerId id, RecordStudyPeriod command);

    // consortia and memberships
    default List<ConsortiumView> consortia() {
        return consortia(ChangeWindow.ANY);
    }

    /** The consortia the caller may see that (or whose memberships) last changed within {@code changed}, in SQL. */
    List<ConsortiumView> consortia(ChangeWindow changed);

    /** Memberships of the consortia the caller may see, last added or ended within {@code changed}, selected in SQL. */
    List<MembershipView> memberships(ChangeWindow changed);

    Optional<ConsortiumView> consortium(ConsortiumId id);

    /** Consortia an institution belongs to (active memberships). */
    List<ConsortiumView> consortiaOf(InstitutionId institutionId);

    ConsortiumView formConsortium(FormConsortium command);

    ConsortiumView addMember(ConsortiumId id, AddMember command);

    ConsortiumView endMembership(ConsortiumId id, @Nullable EndMembership command);

    ConsortiumView dissolveConsortium(ConsortiumId id, DissolveConsortium command);

    // agreements
    List<AgreementView> agreements(ConsortiumId id);

    AgreementView recordAgreement(ConsortiumId id, RecordAgreement command);

    // dispatches
    List<DispatchView> dispatches(ConsortiumId id);

    /** Dispatches of every consortium the caller may see, recorded within {@code changed}, in one SQL query. */
    List<DispatchView> visibleDispatches(ChangeWindow changed);

    DispatchView dispatchStaff(ConsortiumId id, DispatchStaff command);

    List<WorkLogView> workLogs(UUID dispatchId);

    WorkLogView logWork(UUID dispatchId, LogWork command);

    // change reports
    List<ChangeReportView> changeReports(@Nullable ConsortiumId consortiumIdOrNull);

    Optional<ChangeReportView> changeReport(UUID id);

    /** The change reports in the layout of a 医疗联合体建设报告表, as an .xlsx workbook. */
    byte[] exportChangeReports(@Nullable ConsortiumId consortiumIdOrNull);
}
