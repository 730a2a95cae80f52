package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.VerificationResult;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.QcView;
import org.medunion.fhir.internal.Pages;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR VerificationResult: the QC records of SC-8 (an institution's EQA result per item), read and search by
 * {@code target} (the institution, required) and {@code item} (a catalogue code, optionally with its system). Reference
 * data without personal data, readable like {@code GET /api/diagnostics/qc/{institutionId}}.
 */
@Component
public class VerificationResultResourceProvider implements IResourceProvider {

    private final DiagnosticsManagement diagnostics;
    private final Clock clock;

    VerificationResultResourceProvider(DiagnosticsManagement diagnostics, Clock clock) {
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    @Override
    public Class<VerificationResult> getResourceType() {
        return VerificationResult.class;
    }

    @Read
    public VerificationResult read(@IdParam IdType id) {
        try {
            return map(diagnostics.qcRecord(DiagnosticsFhir.uuid(id.getIdPart(), "id")), LocalDate.now(clock));
        } catch (NotFoundException | InvalidInputException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = VerificationResult.SP_TARGET) ReferenceParam target,
                                  @OptionalParam(name = "item") TokenParam item,
                                  @Count Integer count, @Offset Integer offset) {
        var institution = DiagnosticsFhir.organization(target, "target");
        if (institution == null) { // required, but said by name rather than by HAPI's "no method for these parameters"
            throw new InvalidInputException("target", "field.required");
        }
        if (item != null && item.getSystem() != null && !item.getSystem().isBlank()
                && !ReportToDiagnosticReportMapper.ITEM_SYSTEM.equals(item.getSystem())) {
            throw new InvalidInputException("item", "request.unknownValue", item.getSystem(), ReportToDiagnosticReportMapper.ITEM_SYSTEM);
        }
        LocalDate today = LocalDate.now(clock);
        return Pages.slice(Pages.request(count, offset), diagnostics.qualityControl(institution).stream()
                .filter(q -> item == null || q.itemCode().equals(item.getValue())).map(q -> map(q, today)).toList());
    }

    private VerificationResult map(QcView q, LocalDate today) {
        return QcToVerificationResultMapper.result(q, diagnostics.item(q.itemCode()).map(ItemView::name).orElse(q.itemCode()), today);
    }
}
