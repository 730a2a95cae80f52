package org.medunion.policy.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.policy.DiagnosticsEvidenceSource;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.policy.PharmacyEvidenceSource;
import org.medunion.policy.ReferralEvidenceSource;
import org.medunion.policy.ReleaseRatioSource;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.PublicHealthDepartmentView;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.WorkLogView;

/**
 * The registry as one immutable, indexed picture, built once from the registry's unscoped reads so that
 * every rule runs in O(n) over maps instead of querying per object.
 */
public final class RegistrySnapshot {

    private final LocalDate today;
    private final Map<String, DistrictView> districts = new HashMap<>();
    private final Map<InstitutionId, InstitutionView> institutions = new HashMap<>();
    private final Map<InstitutionId, List<InstitutionView>> branchesByMain = new HashMap<>();
    private final List<ConsortiumView> consortia;
    private final List<ConsortiumView> activeConsortia = new ArrayList<>();
    private final Map<ConsortiumId, ConsortiumView> consortiaById = new HashMap<>();
    private final Map<InstitutionId, List<MembershipView>> membershipsByInstitution = new HashMap<>();
    private final Map<GridId, List<InstitutionView>> institutionsByGrid = new HashMap<>();
    private final Map<PractitionerId, PractitionerView> practitioners = new HashMap<>();
    private final Map<InstitutionId, List<PractitionerView>> practitionersByInstitution = new HashMap<>();
    private final Map<ConsortiumId, List<DispatchView>> dispatchesByConsortium = new HashMap<>();
    private final List<DispatchView> dispatches;
    private final Map<UUID, List<WorkLogView>> workLogsByDispatch = new HashMap<>();
    private final Map<ConsortiumId, List<AgreementView>> agreementsByConsortium = new HashMap<>();
    private final Map<UUID, AgreementView> agreementsById = new HashMap<>();
    private final Map<PractitionerId, List<StudyPeriodView>> studyPeriods = new HashMap<>();
    private final Map<GridId, GridView> grids = new HashMap<>();
    private final Map<String, List<GridView>> gridsByDistrict = new HashMap<>();
    private final @Nullable Map<ConsortiumId, List<ChangeReportView>> changeReports;
    private final Map<Pack, Set<String>> packJurisdictions;
    private final SnapshotBuilder parts;

    RegistrySnapshot(SnapshotBuilder b) {
        this.parts = b;
        this.today = b.today;
        b.districts.forEach(d -> districts.put(d.code(), d));
        b.institutions.forEach(i -> {
            institutions.put(i.id(), i);
            if (i.parentId() != null) {
                branchesByMain.computeIfAbsent(i.parentId(), k -> new ArrayList<>()).add(i);
            }
            if (i.gridId() != null) {
                institutionsByGrid.computeIfAbsent(i.gridId(), k -> new ArrayList<>()).add(i);
            }
        });
        this.consortia = List.copyOf(b.consortia);
        for (ConsortiumView c : consortia) {
            consortiaById.put(c.id(), c);
            if (activeOn(c, today)) {
                activeConsortia.add(c);
                for (MembershipView m : c.members()) {
                    if (m.activeOn(today)) {
                        membershipsByInstitution.computeIfAbsent(m.institutionId(), k -> new ArrayList<>()).add(m);
                    }
                }
            }
        }
        b.practitioners.forEach(p -> {
            practitioners.put(p.id(), p);
            practitionersByInstitution.computeIfAbsent(p.institutionId(), k -> new ArrayList<>()).add(p);
        });
        this.dispatches = List.copyOf(b.dispatches);
        dispatches.forEach(d -> dispatchesByConsortium.computeIfAbsent(d.consortiumId(), k -> new ArrayList<>()).add(d));
        b.workLogs.forEach(w -> workLogsByDispatch.computeIfAbsent(w.dispatchId(), k -> new ArrayList<>()).add(w));
        b.agreements.forEach(a -> {
            agreementsById.put(a.id(), a);
            agreementsByConsortium.computeIfAbsent(a.consortiumId(), k -> new ArrayList<>()).add(a);
        });
        b.studyPeriods.forEach(s -> studyPeriods.computeIfAbsent(s.practitionerId(), k -> new ArrayList<>()).add(s));
        b.grids.forEach(g -> {
            grids.put(g.id(), g);
            gridsByDistrict.computeIfAbsent(g.districtCode(), k -> new ArrayList<>()).add(g);
        });
        if (b.changeReports == null) {
            this.changeReports = null;
        } else {
            this.changeReports = new HashMap<>();
            b.changeReports.forEach(r -> changeReports.computeIfAbsent(r.consortiumId(), k -> new ArrayList<>()).add(r));
        }
        this.packJurisdictions = new EnumMap<>(Pack.class);
        b.packJurisdictions.forEach((k, v) -> packJurisdictions.put(k, Set.copyOf(v)));
    }

    /**
     * Whether a consortium exists on a day: established on or before it, and not dissolved by then (the dissolution
     * date is the first day without the consortium). A consortium dissolved without a date counts as gone.
     */
    static boolean activeOn(ConsortiumView c, LocalDate day) {
        if (c.establishedOn() != null && c.establishedOn().isAfter(day)) {
            return false;
        }
        return c.dissolvedOn() == null ? c.active() : c.dissolvedOn().isAfter(day);
    }

    public static SnapshotBuilder builder(LocalDate today) {
        return new SnapshotBuilder(today);
    }

    /** The as-of date: relations count when they are active on it. */
    public LocalDate today() {
        return today;
    }

    /** The same registry data seen on another day (evaluation "as of", future-dated changes); no new reads. */
    public RegistrySnapshot at(LocalDate day) {
        return day.equals(today) ? this : new RegistrySnapshot(parts.on(day));
    }

    public Collection<DistrictView> districts() {
        return districts.values();
    }

    public Optional<DistrictView> district(String code) {
        return Optional.ofNullable(districts.get(code));
    }

    public String districtName(String code) {
        DistrictView d = districts.get(code);
        return d == null ? String.valueOf(code) : d.name();
    }

    public Collection<InstitutionView> institutions() {
        return institutions.values();
    }

    public @Nullable InstitutionView institution(InstitutionId id) {
        return institutions.get(id);
    }

    public String institutionName(InstitutionId id) {
        InstitutionView i = institutions.get(id);
        return i == null ? String.valueOf(id) : i.name();
    }

    public List<InstitutionView> institutionsIn(GridId grid) {
        return institutionsByGrid.getOrDefault(grid, List.of());
    }

    public List<ConsortiumView> consortia() {
        return consortia;
    }

    /** Active (not dissolved) consortia. */
    public List<ConsortiumView> activeConsortia() {
        return activeConsortia;
    }

    public List<ConsortiumView> activeConsortia(ConsortiumForm form) {
        return activeConsortia.stream().filter(c -> c.form() == form).toList();
    }

    /**
     * Active consortia that play the regional role in a district (rules.md interpretation notes: SH-2…SH-5 apply to
     * regional consortia and urban medical groups alike).
     */
    public List<ConsortiumView> activeRegionalRole() {
        return activeConsortia.stream().filter(RegistrySnapshot::regionalRole).toList();
    }

    public static boolean regionalRole(ConsortiumView c) {
        return c.form() == ConsortiumForm.REGIONAL || c.form() == ConsortiumForm.URBAN_GROUP;
    }

    /** The main hospital of a branch campus (a branch campus counts as its main hospital); the institution itself otherwise. */
    public InstitutionView main(InstitutionView i) {
        InstitutionView at = i;
        for (int hops = 0; at != null && at.parentId() != null && hops < 5; hops++) {
            InstitutionView parent = institutions.get(at.parentId());
            if (parent == null) {
                break;
            }
            at = parent;
        }
        return at;
    }

    /** Branch campuses registered as institutions of their own under a main hospital. */
    public List<InstitutionView> branches(InstitutionId main) {
        return branchesByMain.getOrDefault(main, List.of());
    }

    public @Nullable ConsortiumView consortium(ConsortiumId id) {
        return consortiaById.get(id);
    }

    /** Memberships active today in active consortia. */
    public List<MembershipView> memberships(InstitutionId id) {
        return membershipsByInstitution.getOrDefault(id, List.of());
    }

    public List<MembershipView> activeMembers(ConsortiumView c) {
        return c.activeMembers(today);
    }

    public Optional<InstitutionView> lead(ConsortiumView c) {
        return activeMembers(c).stream().filter(m -> m.role() == MembershipRole.LEAD)
                .map(m -> institutions.get(m.institutionId())).filter(Objects::nonNull).findFirst();
    }

    public Collection<PractitionerView> practitioners() {
        return practitioners.values();
    }

    public @Nullable PractitionerView practitioner(PractitionerId id) {
        return practitioners.get(id);
    }

    public List<DispatchView> dispatches() {
        return dispatches;
    }

    public List<DispatchView> dispatches(ConsortiumId id) {
        return dispatchesByConsortium.getOrDefault(id, List.of());
    }

    /** Dispatches whose period includes today. */
    public List<DispatchView> activeDispatches(ConsortiumId id) {
        return dispatches(id).stream().filter(d -> Terms.covers(d.startDate(), d.endDate(), today)).toList();
    }

    public List<WorkLogView> workLogs(UUID dispatchId) {
        return workLogsByDispatch.getOrDefault(dispatchId, List.of());
    }

    public List<AgreementView> agreements(ConsortiumId id) {
        return agreementsByConsortium.getOrDefault(id, List.of());
    }

    public Optional<AgreementView> agreement(@Nullable UUID id) {
        return Optional.ofNullable(id == null ? null : agreementsById.get(id));
    }

    public List<StudyPeriodView> studyPeriods(PractitionerId id) {
        return studyPeriods.getOrDefault(id, List.of());
    }

    public Collection<GridView> grids() {
        return grids.values();
    }

    public @Nullable GridView grid(GridId id) {
        return grids.get(id);
    }

    public List<GridView> grids(String districtCode) {
        return gridsByDistrict.getOrDefault(districtCode, List.of());
    }

    /** Null when the registry's change reports could not be read (SH-10 then reports NO_DATA). */
    public @Nullable List<ChangeReportView> changeReports(ConsortiumId id) {
        return changeReports == null ? null : changeReports.getOrDefault(id, List.of());
    }

    public boolean hasChangeReports() {
        return changeReports != null;
    }

    public Optional<ReleaseRatioSource> releaseRatios() {
        return Optional.ofNullable(parts.releaseRatios);
    }

    /** The residents module's family-doctor teams (NN-5); empty when no module provides them. */
    public Optional<FamilyDoctorTeamSource> teamSource() {
        return Optional.ofNullable(parts.teamSource);
    }

    /** The referral module's routing tables, criteria and counts (SH-15, CQ-6, CN-1, CN-3, CN-4, NAT-12); empty without it. */
    public Optional<ReferralEvidenceSource.ReferralEvidence> referrals() {
        return Optional.ofNullable(parts.referrals);
    }

    /** NN-10: the public-health departments the registry records (an institution without one has none recorded). */
    public List<PublicHealthDepartmentView> publicHealthDepartments() {
        return parts.publicHealthDepartments;
    }

    /** The indicators module's encounter sums (NN-9), when that module runs. */
    public Optional<IndicatorEvidenceSource> indicators() {
        return Optional.ofNullable(parts.indicators);
    }

    /** The diagnostics module's centres and recognitions (NAT-9, NN-9), when that module runs. */
    public Optional<DiagnosticsEvidenceSource> diagnostics() {
        return Optional.ofNullable(parts.diagnostics);
    }

    /** The consultation module's fees and patrols (TM-13, CN-3), when that module runs. */
    public Optional<ConsultationEvidenceSource> consultations() {
        return Optional.ofNullable(parts.consultations);
    }

    /** The pharmacy module's catalogue linkage and prescription counts (NN-8, NAT-6, NAT-10), when it is there. */
    public Optional<PharmacyEvidenceSource.PharmacyEvidence> pharmacy() {
        return Optional.ofNullable(parts.pharmacy);
    }

    /** The districts a jurisdiction covers that hold registered institutions (the jurisdiction itself when it is one). */
    public SortedSet<String> districtsUnder(String jurisdiction) {
        SortedSet<String> out = new TreeSet<>();
        institutions.values().forEach(i -> {
            if (i.districtCode() != null && Divisions.covers(jurisdiction, i.districtCode())) {
                out.add(i.districtCode());
            }
        });
        return out;
    }

    /** The jurisdictions that apply a pack (for jurisdiction-wide findings). */
    public Set<String> jurisdictionsApplying(Pack pack) {
        return packJurisdictions.getOrDefault(pack, Set.of());
    }

    public Map<Pack, Set<String>> packJurisdictions() {
        return packJurisdictions;
    }

    /** Whether a finding about a subject in {@code divisionCode} falls under a jurisdiction applying the pack. */
    public boolean applies(Pack pack, @Nullable String divisionCode) {
        for (String j : jurisdictionsApplying(pack)) {
            if (Divisions.covers(j, divisionCode)) {
                return true;
            }
        }
        return false;
    }

    // subjects

    public Subject subject(ConsortiumView c) {
        return new Subject(SubjectType.CONSORTIUM, c.id().toString(), c.name(), c.districtCode(), c.id());
    }

    public Subject subject(InstitutionView i, @Nullable ConsortiumId consortiumId) {
        return new Subject(SubjectType.INSTITUTION, i.id().toString(), i.name(), i.districtCode(), consortiumId);
    }

    public Subject districtSubject(String code) {
        return new Subject(SubjectType.DISTRICT, code, districtName(code), code, null);
    }

    public Subject gridSubject(GridView g) {
        return new Subject(SubjectType.GRID, g.id().toString(), g.name(), g.districtCode(), null);
    }

    public Subject jurisdictionSubject(String code) {
        return new Subject(SubjectType.JURISDICTION, code, districtName(code), code, null);
    }

    public Subject dispatchSubject(DispatchView d, @Nullable PractitionerView p) {
        ConsortiumView c = consortium(d.consortiumId());
        InstitutionView to = institution(d.toInstitutionId());
        String division = to != null ? to.districtCode() : c == null ? null : c.districtCode();
        return new Subject(SubjectType.DISPATCH, d.id().toString(), p == null ? String.valueOf(d.practitionerId()) : p.name(),
                division, d.consortiumId());
    }

    public Subject practitionerSubject(PractitionerView p) {
        InstitutionView i = institution(p.institutionId());
        return new Subject(SubjectType.PRACTITIONER, p.id().toString(), p.name(), i == null ? null : i.districtCode(), null);
    }
}
