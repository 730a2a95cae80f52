package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.springframework.stereotype.Component;

/**
 * FHIR Endpoint, read only: where an imaging study's images are (the centre's WADO-RS service or viewer), with the id
 * of its report. The address names a resident's study, so it is read like the report — with a care relationship, audited
 * — and there is no search: a client reaches it from {@code ImagingStudy.endpoint}.
 */
@Component
public class EndpointResourceProvider implements IResourceProvider {

    private final DiagnosticsManagement diagnostics;

    EndpointResourceProvider(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public Class<Endpoint> getResourceType() {
        return Endpoint.class;
    }

    @Read
    public Endpoint read(@IdParam IdType id) {
        var report = DiagnosticsFhir.imagingReport(diagnostics, id);
        if (!ReportToImagingStudyMapper.hasEndpoint(report)) {
            throw new ResourceNotFoundException(id);
        }
        return ReportToImagingStudyMapper.endpoint(report);
    }
}
