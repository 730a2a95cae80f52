package org.medunion.registry.unscoped;

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

/**
 * The whole registry, without scope or audit: for the modules that must evaluate the whole city (policy's rule
 * snapshot, the demo city loader). Granted through the named interface {@code registry :: unscoped}; every other
 * module uses the scoped {@link org.medunion.registry.RegistryManagement} (decision 0080).
 */
public interface CityWideRegistry {

    List<InstitutionView> allInstitutions();

    List<ConsortiumView> allConsortia();

    List<PractitionerView> allPractitioners();

    List<DispatchView> allDispatches();

    List<WorkLogView> allWorkLogs();

    List<AgreementView> allAgreements();

    List<StudyPeriodView> allStudyPeriods();

    List<GridView> allGrids();

    /** Every change report (SH-10), oldest first. */
    List<ChangeReportView> allChangeReports();

    /** Every recorded public-health department (NN-10); an institution without a row has none recorded. */
    List<PublicHealthDepartmentView> allPublicHealthDepartments();
}
