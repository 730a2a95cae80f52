package org.medunion.policy.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.policy.DiagnosticsEvidenceSource;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.policy.PharmacyEvidenceSource;
import org.medunion.policy.ReferralEvidenceSource.ReferralEvidence;
import org.medunion.policy.ReleaseRatioSource;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GridView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.PublicHealthDepartmentView;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.WorkLogView;

/** Collects the parts of a {@link RegistrySnapshot}; every list defaults to empty. The snapshot indexes them once. */
public final class SnapshotBuilder {

    final LocalDate today;
    List<DistrictView> districts = List.of();
    List<InstitutionView> institutions = List.of();
    List<ConsortiumView> consortia = List.of();
    List<PractitionerView> practitioners = List.of();
    List<DispatchView> dispatches = List.of();
    List<WorkLogView> workLogs = List.of();
    List<AgreementView> agreements = List.of();
    List<StudyPeriodView> studyPeriods = List.of();
    List<GridView> grids = List.of();
    List<PublicHealthDepartmentView> publicHealthDepartments = List.of();
    @Nullable
    List<ChangeReportView> changeReports;
    @Nullable
    ReleaseRatioSource releaseRatios;
    @Nullable
    FamilyDoctorTeamSource teamSource;
    @Nullable
    ReferralEvidence referrals;
    PharmacyEvidenceSource.@Nullable PharmacyEvidence pharmacy;
    @Nullable
    IndicatorEvidenceSource indicators;
    @Nullable
    DiagnosticsEvidenceSource diagnostics;
    @Nullable
    ConsultationEvidenceSource consultations;
    Map<Pack, Set<String>> packJurisdictions = Map.of();

    SnapshotBuilder(LocalDate today) {
        this.today = today;
    }

    /** The same parts seen on another day. */
    SnapshotBuilder on(LocalDate day) {
        SnapshotBuilder b = new SnapshotBuilder(day);
        b.districts = districts;
        b.institutions = institutions;
        b.consortia = consortia;
        b.practitioners = practitioners;
        b.dispatches = dispatches;
        b.workLogs = workLogs;
        b.agreements = agreements;
        b.studyPeriods = studyPeriods;
        b.grids = grids;
        b.publicHealthDepartments = publicHealthDepartments;
        b.changeReports = changeReports;
        b.releaseRatios = releaseRatios;
        b.teamSource = teamSource;
        b.referrals = referrals;
        b.pharmacy = pharmacy;
        b.indicators = indicators;
        b.diagnostics = diagnostics;
        b.consultations = consultations;
        b.packJurisdictions = packJurisdictions;
        return b;
    }

    public SnapshotBuilder districts(List<DistrictView> v) {
        this.districts = v;
        return this;
    }
    public SnapshotBuilder institutions(List<InstitutionView> v) {
        this.institutions = v;
        return this;
    }
    public SnapshotBuilder consortia(List<ConsortiumView> v) {
        this.consortia = v;
        return this;
    }
    public SnapshotBuilder practitioners(List<PractitionerView> v) {
        this.practitioners = v;
        return this;
    }
    public SnapshotBuilder dispatches(List<DispatchView> v) {
        this.dispatches = v;
        return this;
    }
    public SnapshotBuilder workLogs(List<WorkLogView> v) {
        this.workLogs = v;
        return this;
    }
    public SnapshotBuilder agreements(List<AgreementView> v) {
        this.agreements = v;
        return this;
    }
    public SnapshotBuilder studyPeriods(List<StudyPeriodView> v) {
        this.studyPeriods = v;
        return this;
    }
    public SnapshotBuilder grids(List<GridView> v) {
        this.grids = v;
        return this;
    }
    /** NN-10: the registry's recorded public-health departments; an institution without one has none recorded. */
    public SnapshotBuilder publicHealthDepartments(List<PublicHealthDepartmentView> v) {
        this.publicHealthDepartments = v;
        return this;
    }
    public SnapshotBuilder changeReports(@Nullable List<ChangeReportView> v) {
        this.changeReports = v;
        return this;
    }
    public SnapshotBuilder releaseRatios(@Nullable ReleaseRatioSource v) {
        this.releaseRatios = v;
        return this;
    }
    public SnapshotBuilder teamSource(@Nullable FamilyDoctorTeamSource v) {
        this.teamSource = v;
        return this;
    }
    public SnapshotBuilder referrals(@Nullable ReferralEvidence v) {
        this.referrals = v;
        return this;
    }
    public SnapshotBuilder pharmacy(PharmacyEvidenceSource.@Nullable PharmacyEvidence v) {
        this.pharmacy = v;
        return this;
    }
    public SnapshotBuilder diagnostics(@Nullable DiagnosticsEvidenceSource v) {
        this.diagnostics = v;
        return this;
    }

    /** TM-13 and CN-3: the consultation module's fees and patrols, when that module runs. */
    public SnapshotBuilder consultations(@Nullable ConsultationEvidenceSource v) {
        this.consultations = v;
        return this;
    }

    public SnapshotBuilder indicators(@Nullable IndicatorEvidenceSource v) {
        this.indicators = v;
        return this;
    }
    public SnapshotBuilder packJurisdictions(Map<Pack, Set<String>> v) {
        this.packJurisdictions = v;
        return this;
    }

    public RegistrySnapshot build() {
        return new RegistrySnapshot(this);
    }
}
