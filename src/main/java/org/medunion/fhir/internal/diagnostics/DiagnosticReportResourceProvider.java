package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ReportId;
import org.medunion.fhir.internal.Pages;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR DiagnosticReport, read and search by {@code patient}: the diagnostics module's reports, scoped like the REST
 * results — readable only with a care relationship to the resident (none: 404 on read, an empty Bundle on search)
 * and audited by the module with the resident as subject. A performing member creates one with its Observations
 * contained (result import, decision 0231); resending its identifier answers 200 with the report already recorded.
 */
@Component
public class DiagnosticReportResourceProvider implements IResourceProvider {

    private final DiagnosticsManagement diagnostics;
    private final ReportSubmissions submissions;

    DiagnosticReportResourceProvider(DiagnosticsManagement diagnostics, ReportSubmissions submissions) {
        this.diagnostics = diagnostics;
        this.submissions = submissions;
    }

    @Create
    public MethodOutcome create(@ResourceParam DiagnosticReport report) {
        var imported = submissions.create(report);
        var created = ReportToDiagnosticReportMapper.report(imported.report());
        var outcome = new MethodOutcome(created.getIdElement().toUnqualifiedVersionless(), imported.created());
        outcome.setResource(created);
        if (!imported.created()) {
            outcome.setResponseStatusCode(200);
        }
        return outcome;
    }

    @Override
    public Class<DiagnosticReport> getResourceType() {
        return DiagnosticReport.class;
    }

    @Read
    public DiagnosticReport read(@IdParam IdType id) {
        try {
            return ReportToDiagnosticReportMapper.report(diagnostics.report(
                    new ReportId(DiagnosticsFhir.uuid(id.getIdPart(), "id"))));
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
                                  @Count Integer count, @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        return Pages.slice(Pages.request(count, offset), diagnostics.reportsOf(resident).stream()
                .map(ReportToDiagnosticReportMapper::report).toList());
    }
}
