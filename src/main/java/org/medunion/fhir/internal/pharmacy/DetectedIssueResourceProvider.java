package org.medunion.fhir.internal.pharmacy;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.diagnostics.DiagnosticsFhir;
import org.medunion.fhir.internal.diagnostics.RecognitionDecisions;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR DetectedIssue: a prescription's pre-screen findings ({@code <prescription>-f<n>}) and the pharmacist's review
 * ({@code <prescription>-review}), read and search by {@code patient} with {@code _lastUpdated} and {@code _count};
 * scoped and audited like {@link MedicationRequestResourceProvider}. A recognition decision at order entry is the
 * DetectedIssue {@code <decision>} ({@link RecognitionDecisions}); a search gives the prescriptions' issues first, then
 * the decisions.
 */
@Component
public class DetectedIssueResourceProvider implements IResourceProvider {

    private final PrescriptionRecords records;
    private final RecognitionDecisions decisions;

    DetectedIssueResourceProvider(PrescriptionRecords records, RecognitionDecisions decisions) {
        this.records = records;
        this.decisions = decisions;
    }

    @Override
    public Class<DetectedIssue> getResourceType() {
        return DetectedIssue.class;
    }

    @Read
    public DetectedIssue read(@IdParam IdType id) {
        if (RecognitionDecisions.isDecision(id)) {
            return decisions.read(id);
        }
        var part = PharmacyFhir.part(id.getIdPart());
        if (part == null || !part.suffix().matches("review|f\\d{1,3}")) {
            throw new ResourceNotFoundException(id);
        }
        try {
            var entry = records.read(part.prescription());
            if (part.suffix().equals("review")) {
                if (entry.view().reviewedAt() == null) {
                    throw new ResourceNotFoundException(id);
                }
                return PrescriptionToDetectedIssueMapper.review(entry);
            }
            int index = Integer.parseInt(part.suffix().substring(1)) - 1;
            if (index < 0 || index >= entry.view().findings().size()) {
                throw new ResourceNotFoundException(id);
            }
            return PrescriptionToDetectedIssueMapper.finding(entry, index);
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = DetectedIssue.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count, @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        var request = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
        var matches = records.matches(resident, Set.of(), LastUpdated.window(lastUpdated));
        ToIntFunction<PrescriptionRecords.Match> size = m -> m.findings() + (m.reviewed() ? 1 : 0);
        long prescriptionIssues = matches.stream().mapToLong(size::applyAsInt).sum();
        var recognition = decisions.of(resident, lastUpdated);
        List<IBaseResource> page = new ArrayList<>();
        if (request.offset() < prescriptionIssues) {
            var first = PharmacyFhir.page(records, matches, size, PrescriptionToDetectedIssueMapper::issues, request);
            page.addAll(first.getResources(0, request.count()));
        }
        int from = (int) Math.max(0, request.offset() - prescriptionIssues);
        int room = request.count() - page.size();
        page.addAll(recognition.subList(Math.min(from, recognition.size()), Math.min(recognition.size(), from + room)));
        return Pages.of(request, page, prescriptionIssues + recognition.size());
    }
}
