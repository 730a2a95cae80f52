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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.fhir.internal.Pages;
import org.springframework.stereotype.Component;

/**
 * FHIR ImagingStudy, read and search by {@code patient}: the study of each imaging report with a study reference (same
 * id as the report), scoped and audited like {@link DiagnosticReportResourceProvider}.
 */
@Component
public class ImagingStudyResourceProvider implements IResourceProvider {

    private final DiagnosticsManagement diagnostics;

    ImagingStudyResourceProvider(DiagnosticsManagement diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public Class<ImagingStudy> getResourceType() {
        return ImagingStudy.class;
    }

    @Read
    public ImagingStudy read(@IdParam IdType id) {
        return ReportToImagingStudyMapper.study(DiagnosticsFhir.imagingReport(diagnostics, id));
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = ImagingStudy.SP_PATIENT) ReferenceParam patient,
                                  @Count Integer count, @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        return Pages.slice(Pages.request(count, offset), diagnostics.reportsOf(resident).stream()
                .filter(ReportToImagingStudyMapper::hasStudy).map(ReportToImagingStudyMapper::study).toList());
    }
}
