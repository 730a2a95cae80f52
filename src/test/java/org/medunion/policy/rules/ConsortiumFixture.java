package org.medunion.policy.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.ReleaseRatioSource;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementTarget;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.TargetArea;
import org.medunion.registry.Title;
import org.medunion.registry.WorkLogView;

/**
 * An in-memory city for pure rule tests, with intent-revealing factories
 * ({@code ConsortiumFixture.districtWithMunicipalHospitals(2)}). Today is 2026-11-23; every pack applies to 310000.
 */
final class ConsortiumFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String CITY = "310000";
    static final String CHANGNING = "310105";
    static final String XUHUI = "310104";
    static final String MINHANG = "310112";
    static final String PUDONG = "310115";
    static final String HUANGPU = "310101";

    final List<DistrictView> districts = new ArrayList<>(List.of(
            new DistrictView(CITY, "上海市", null, false, 24_870_000),
            new DistrictView(HUANGPU, "黄浦区", CITY, false, 662_000),
            new DistrictView(XUHUI, "徐汇区", CITY, false, 1_113_000),
            new DistrictView(CHANGNING, "长宁区", CITY, false, 693_000),
            new DistrictView(MINHANG, "闵行区", CITY, false, 2_653_000),
            new DistrictView(PUDONG, "浦东新区", CITY, false, 5_682_000)));
    final List<InstitutionView> institutions = new ArrayList<>();
    final List<ConsortiumView> consortia = new ArrayList<>();
    final List<PractitionerView> practitioners = new ArrayList<>();
    final List<DispatchView> dispatches = new ArrayList<>();
    final List<WorkLogView> workLogs = new ArrayList<>();
    final List<AgreementView> agreements = new ArrayList<>();
    final List<StudyPeriodView> studyPeriods = new ArrayList<>();
    final List<GridView> grids = new ArrayList<>();
    final List<org.medunion.registry.PublicHealthDepartmentView> publicHealthDepartments = new ArrayList<>();
    @Nullable
    List<ChangeReportView> changeReports;
    @Nullable
    ReleaseRatioSource releaseRatios;
    org.medunion.policy.@Nullable FamilyDoctorTeamSource teams;
    org.medunion.policy.ReferralEvidenceSource.@Nullable ReferralEvidence referrals;
    org.medunion.policy.PharmacyEvidenceSource.@Nullable PharmacyEvidence pharmacy;
    org.medunion.policy.@Nullable IndicatorEvidenceSource indicators;
    org.medunion.policy.@Nullable DiagnosticsEvidenceSource diagnostics;
    org.medunion.policy.@Nullable ConsultationEvidenceSource consultations;
    private int seq;

    // ---- scenario factories

    /** 长宁区 with a regional consortium led by its regional medical centre, n municipal general hospitals as technical support. */
    static ConsortiumFixture districtWithMunicipalHospitals(int n) {
        var f = new ConsortiumFixture();
        var centre = f.districtHospital("长宁区中心医院", CHANGNING, true);
        List<Object[]> members = new ArrayList<>();
        members.add(new Object[] {centre, MembershipRole.LEAD});
        for (int i = 1; i <= n; i++) {
            members.add(new Object[] {f.municipalGeneral("市第" + i + "人民医院", XUHUI), MembershipRole.TECHNICAL_SUPPORT});
        }
        f.regional("长宁区域医联体", CHANGNING, members.toArray(Object[][]::new));
        return f;
    }

    // ---- institutions

    InstitutionView institution(String name, InstitutionCategory category, HospitalLevel level, Affiliation affiliation,
                                boolean tcm, String district, boolean rmc) {
        var i = new InstitutionView(InstitutionId.random(), name, "", category, level, HospitalGrade.A, Ownership.PUBLIC,
                "申康医院发展中心", affiliation, tcm, district, null, null, rmc, null, List.of(), List.of(), 0, Instant.EPOCH);
        institutions.add(i);
        return i;
    }

    InstitutionView municipalGeneral(String name, String district) {
        return institution(name, InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.TERTIARY, Affiliation.MUNICIPAL, false, district,
                false);
    }

    InstitutionView municipalTcm(String name, String district) {
        return institution(name, InstitutionCategory.TCM_HOSPITAL, HospitalLevel.TERTIARY, Affiliation.MUNICIPAL, true, district, false);
    }

    InstitutionView districtHospital(String name, String district, boolean rmc) {
        return institution(name, InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.SECONDARY, Affiliation.DISTRICT, false, district, rmc);
    }

    InstitutionView communityCentre(String name, String district) {
        return institution(name, InstitutionCategory.COMMUNITY_HEALTH_CENTRE, HospitalLevel.PRIMARY, Affiliation.DISTRICT, false, district,
                false);
    }

    InstitutionView replace(InstitutionView old, InstitutionView now) {
        institutions.set(institutions.indexOf(old), now);
        return now;
    }

    InstitutionView withCampus(InstitutionView i, String district, boolean planned) {
        return replace(i, new InstitutionView(i.id(), i.name(), i.creditCode(), i.category(), i.level(), i.grade(), i.ownership(),
                i.ownerBody(), i.affiliation(), i.tcm(), i.districtCode(), i.gridId(), i.parentId(), i.regionalMedicalCentre(),
                i.address(), List.of(new InstitutionView.Campus(district, i.name() + "分院", planned)), i.keySpecialties(), 0,
                Instant.EPOCH));
    }

    /** A branch campus registered as an institution of its own (FHIR partOf the main hospital). */
    InstitutionView branchOf(InstitutionView main, String district) {
        var b = new InstitutionView(InstitutionId.random(), main.name() + "分院", "", main.category(), main.level(), main.grade(),
                main.ownership(), main.ownerBody(), main.affiliation(), main.tcm(), district, null, main.id(), false, null, List.of(),
                List.of(), 0, Instant.EPOCH);
        institutions.add(b);
        return b;
    }

    InstitutionView military(String name, String district) {
        var i = municipalGeneral(name, district);
        return replace(i, new InstitutionView(i.id(), i.name(), i.creditCode(), i.category(), i.level(), i.grade(), Ownership.MILITARY,
                "军队", i.affiliation(), i.tcm(), i.districtCode(), i.gridId(), i.parentId(), i.regionalMedicalCentre(),
                i.address(), i.campuses(), i.keySpecialties(), 0, Instant.EPOCH));
    }

    InstitutionView withKeySpecialty(InstitutionView i, String discipline, org.medunion.registry.KeySpecialtyLevel level) {
        return replace(i, new InstitutionView(i.id(), i.name(), i.creditCode(), i.category(), i.level(), i.grade(), i.ownership(),
                i.ownerBody(), i.affiliation(), i.tcm(), i.districtCode(), i.gridId(), i.parentId(), i.regionalMedicalCentre(),
                i.address(), i.campuses(), List.of(new InstitutionView.KeySpecialty(discipline, level)), 0, Instant.EPOCH));
    }

    InstitutionView inGrid(InstitutionView i, GridId grid) {
        return replace(i, new InstitutionView(i.id(), i.name(), i.creditCode(), i.category(), i.level(), i.grade(), i.ownership(),
                i.ownerBody(), i.affiliation(), i.tcm(), i.districtCode(), grid, i.parentId(), i.regionalMedicalCentre(),
                i.address(), i.campuses(), i.keySpecialties(), 0, Instant.EPOCH));
    }

    // ---- consortia: members as {institution, role} or {institution, role, basis} or {institution, role, basis, leadDiscipline}

    ConsortiumView consortium(String name, ConsortiumForm form, boolean tight, GovernanceType governance, String district,
                              List<GridId> grids, List<String> centres, boolean office, boolean qc, Object[]... members) {
        var id = ConsortiumId.random();
        List<MembershipView> ms = new ArrayList<>();
        for (Object[] m : members) {
            var i = (InstitutionView) m[0];
            var basis = m.length > 2 ? (MembershipBasis) m[2] : MembershipBasis.OTHER;
            var discipline = m.length > 3 ? (String) m[3] : null;
            ms.add(new MembershipView(UUID.randomUUID(), id, i.id(), (MembershipRole) m[1], basis, TODAY.minusYears(1), null, discipline,
                    null));
        }
        var c = new ConsortiumView(id, name, form, tight, governance, district, grids, true, TODAY.minusYears(1), null, false, null,
                office, qc, centres, ms, 0, null);
        consortia.add(c);
        return c;
    }

    ConsortiumView regional(String name, String district, Object[]... members) {
        return consortium(name, ConsortiumForm.REGIONAL, true, GovernanceType.TRUSTEESHIP, district, List.of(GridId.random()),
                List.of(), true, true, members);
    }

    /** A tight urban medical group (紧密型城市医疗集团) in a district: it plays the regional role (SH-2…SH-5). */
    ConsortiumView urbanGroup(String name, String district, Object[]... members) {
        return consortium(name, ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, district,
                List.of(GridId.random()), List.of(), true, true, members);
    }

    /** A member joining on a later day (future-dated change). */
    ConsortiumView join(ConsortiumView c, InstitutionView i, MembershipRole role, LocalDate start) {
        List<MembershipView> ms = new ArrayList<>(c.members());
        ms.add(new MembershipView(UUID.randomUUID(), c.id(), i.id(), role, MembershipBasis.OTHER, start, null, null, null));
        return replace(c, new ConsortiumView(c.id(), c.name(), c.form(), c.tight(), c.governance(), c.districtCode(), c.gridIds(),
                c.active(), c.establishedOn(), c.dissolvedOn(), c.crossProvince(), c.ownerApprovedOn(), c.managementOffice(),
                c.qualityControlGroup(), c.centres(), ms, c.version(), c.updatedAt()));
    }

    ConsortiumView replace(ConsortiumView old, ConsortiumView now) {
        consortia.set(consortia.indexOf(old), now);
        return now;
    }

    // ---- people

    PractitionerView physician(InstitutionView at, Title title, @Nullable LocalDate titleDate) {
        return practitioner(at, Profession.PHYSICIAN, title, titleDate, false, false);
    }

    PractitionerView practitioner(InstitutionView at, Profession profession, Title title, @Nullable LocalDate titleDate, boolean gp,
                                  boolean paed) {
        var p = new PractitionerView(PractitionerId.random(), "医生" + (++seq), at.id(), profession, title, titleDate, "内科", gp, paed, 0,
                null);
        practitioners.add(p);
        return p;
    }

    DispatchView dispatch(ConsortiumView c, PractitionerView p, InstitutionView to, DispatchKind kind, @Nullable ManagerRole role,
                          @Nullable String discipline, LocalDate start, @Nullable LocalDate end, int weeklyDays,
                          @Nullable UUID agreementId) {
        var d = new DispatchView(UUID.randomUUID(), c.id(), p.id(), p.institutionId(), to.id(), kind, role, discipline, start, end,
                weeklyDays, agreementId, null);
        dispatches.add(d);
        return d;
    }

    void logDays(DispatchView d, int weeks, int daysPerWeek) {
        for (int w = 0; w < weeks; w++) {
            for (int k = 0; k < daysPerWeek; k++) {
                workLogs.add(new WorkLogView(UUID.randomUUID(), d.id(), TODAY.minusWeeks(w).minusDays(k), 8, null));
            }
        }
    }

    AgreementView agreement(ConsortiumView c, AgreementType type, LocalDate start, @Nullable LocalDate end, boolean signed, String sections,
                            InstitutionView... parties) {
        var a = new AgreementView(UUID.randomUUID(), c.id(), type, type + " " + c.name(),
                java.util.Arrays.stream(parties).map(InstitutionView::id).toList(), start, end, signed ? start : null,
                sections, sections, sections, sections, sections, List.of());
        agreements.add(a);
        return a;
    }

    /** The agreement with {@code n} quantified targets (SH-17) instead of its own, in place. */
    AgreementView withTargets(AgreementView a, int n) {
        var targets = IntStream.range(0, n).mapToObj(k -> new AgreementTarget(
                TargetArea.values()[k % 4], "指标" + k, BigDecimal.TEN, "人", null)).toList();
        var b = new AgreementView(a.id(), a.consortiumId(), a.type(), a.title(), a.parties(), a.termStart(), a.termEnd(), a.signedOn(),
                a.responsibilities(), a.rights(), a.benefits(), a.benefitSharing(), a.managerDuties(), targets);
        agreements.set(agreements.indexOf(a), b);
        return b;
    }

    /** The agreement with the managers' duties (SH-7) given, in place. */
    AgreementView withDuties(AgreementView a, @Nullable String duties) {
        var b = new AgreementView(a.id(), a.consortiumId(), a.type(), a.title(), a.parties(), a.termStart(), a.termEnd(), a.signedOn(),
                a.responsibilities(), a.rights(), a.benefits(), a.benefitSharing(), duties, a.targets());
        agreements.set(agreements.indexOf(a), b);
        return b;
    }

    StudyPeriodView study(PractitionerView p, @Nullable LocalDate start, @Nullable LocalDate end) {
        var s = new StudyPeriodView(UUID.randomUUID(), p.id(), null, start, end);
        studyPeriods.add(s);
        return s;
    }

    GridView grid(String district, long population) {
        var g = new GridView(GridId.random(), "G" + (++seq), "网格" + seq, district, List.of(), population);
        grids.add(g);
        return g;
    }

    ChangeReportView report(ConsortiumView c, ChangeType type, @Nullable InstitutionView party) {
        return report(c, type, party, Instant.EPOCH, List.of("申康医院发展中心", "上海市卫生健康委员会"));
    }

    /** A report made on a day (its members on that day decide SH-10's reporting party) to the given recipients. */
    ChangeReportView report(ConsortiumView c, ChangeType type, @Nullable InstitutionView party, Instant at, List<String> recipients) {
        if (changeReports == null) {
            changeReports = new ArrayList<>();
        }
        var r = new ChangeReportView(UUID.randomUUID(), "CR-" + (++seq), c.id(), c.name(), type, party == null ? null : party.id(),
                recipients, "", "{}", at, "planner");
        changeReports.add(r);
        return r;
    }

    RegistrySnapshot snapshot() {
        return snapshot(TODAY);
    }

    /** The registry as of a day (evaluation "as of", future-dated changes). */
    RegistrySnapshot snapshot(LocalDate asOf) {
        Map<Pack, Set<String>> packs = new EnumMap<>(Pack.class);
        for (Pack p : Pack.values()) {
            packs.put(p, Set.of(CITY));
        }
        return RegistrySnapshot.builder(asOf).districts(districts).institutions(institutions).consortia(consortia)
                .practitioners(practitioners).dispatches(dispatches).workLogs(workLogs).agreements(agreements)
                .studyPeriods(studyPeriods).grids(grids).publicHealthDepartments(publicHealthDepartments).changeReports(changeReports)
                .releaseRatios(releaseRatios).teamSource(teams)
                .referrals(referrals).pharmacy(pharmacy).indicators(indicators).diagnostics(diagnostics).consultations(consultations)
                .packJurisdictions(packs).build();
    }

    /** Referral module data: referrals sent per institution, contracted upward ones and those booked with priority. */
    ConsortiumFixture referralData(Map<UUID, Long> sent, Map<UUID, Long> contracted, Map<UUID, Long> priority,
                                   List<org.medunion.policy.ReferralEvidenceSource.Zone> zones,
                                   List<org.medunion.policy.ReferralEvidenceSource.HospiceCentre> hospices,
                                   List<org.medunion.policy.ReferralEvidenceSource.Criterion> criteria,
                                   List<org.medunion.policy.ReferralEvidenceSource.RoutingWarning> warnings) {
        referrals = new org.medunion.policy.ReferralEvidenceSource.ReferralEvidence(sent, contracted, priority, zones, hospices, criteria,
                warnings);
        return this;
    }

    List<Finding> evaluate(Rule rule) {
        return evaluate(rule, Parameters.defaults());
    }

    List<Finding> evaluate(Rule rule, Parameters p) {
        return rule.evaluate(snapshot(), p).stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
    }

    List<Finding> evaluateAll(Rule rule) {
        return rule.evaluate(snapshot(), Parameters.defaults());
    }
}
