package org.medunion.registry.internal;

import java.util.List;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchView;
import org.medunion.registry.GridView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.PublicHealthDepartmentView;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.WorkLogView;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whole registry for policy's snapshot and the demo loader: no scope, no audit (decision 0080). */
@Service
@Transactional(readOnly = true)
class CityWideReads implements CityWideRegistry {

    private final ReferenceDataStore referenceData;
    private final InstitutionStore institutions;
    private final PractitionerStore practitioners;
    private final ConsortiumStore consortia;
    private final CooperationStore cooperation;
    private final ChangeReportStore reports;
    private final PublicHealthDepartmentService publicHealth;

    CityWideReads(ReferenceDataStore referenceData, InstitutionStore institutions, PractitionerStore practitioners,
                  ConsortiumStore consortia, CooperationStore cooperation, ChangeReportStore reports,
                  PublicHealthDepartmentService publicHealth) {
        this.referenceData = referenceData;
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.consortia = consortia;
        this.cooperation = cooperation;
        this.reports = reports;
        this.publicHealth = publicHealth;
    }

    @Override
    public List<InstitutionView> allInstitutions() {
        return institutions.query("", List.of(), 0, Integer.MAX_VALUE);
    }

    @Override
    public List<ConsortiumView> allConsortia() {
        return consortia.query("", List.of());
    }

    @Override
    public List<PractitionerView> allPractitioners() {
        return practitioners.all();
    }

    @Override
    public List<DispatchView> allDispatches() {
        return cooperation.dispatches(null);
    }

    @Override
    public List<WorkLogView> allWorkLogs() {
        return cooperation.workLogs(null);
    }

    @Override
    public List<AgreementView> allAgreements() {
        return cooperation.agreements(null);
    }

    @Override
    public List<StudyPeriodView> allStudyPeriods() {
        return practitioners.allStudyPeriods();
    }

    @Override
    public List<GridView> allGrids() {
        return referenceData.grids(null);
    }

    @Override
    public List<ChangeReportView> allChangeReports() {
        return reports.query("", List.of()).stream().map(ChangeReportStore.Stored::view).toList();
    }

    @Override
    public List<PublicHealthDepartmentView> allPublicHealthDepartments() {
        return publicHealth.all();
    }
}
