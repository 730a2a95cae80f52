package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ReportId;
import org.medunion.fhir.internal.Pages;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR Observation, read and search by {@code patient}: the values of the diagnostics module's reports (id
 * {@code <report>-<n>}), scoped and audited like {@link DiagnosticReportResourceProvider}.
 */
@Component
public class ObservationResourceProvider implements IResourceProvider {

    private final DiagnosticsManagement diagnostics;

    ObservationResourceProvider(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        String part = id.getIdPart();
        int dash = part == null ? -1 : part.lastIndexOf('-');
        if (dash < 0 || !part.substring(dash + 1).matches("\\d{1,4}")) {
            throw new ResourceNotFoundException(id);
        }
        int index = Integer.parseInt(part.substring(dash + 1)) - 1;
        try {
            var report = diagnostics.report(new ReportId(DiagnosticsFhir.uuid(part.substring(0, dash), "id")));
            if (index < 0 || index >= report.observations().size()) {
                throw new ResourceNotFoundException(id);
            }
            return ReportToDiagnosticReportMapper.observation(report, index);
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                                  @Count Integer count, @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        return Pages.slice(Pages.request(count, offset), diagnostics.reportsOf(resident).stream()
                .flatMap(r -> ReportToDiagnosticReportMapper.observations(r).stream()).toList());
    }
}
