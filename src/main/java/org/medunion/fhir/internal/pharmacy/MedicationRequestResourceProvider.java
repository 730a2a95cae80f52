package org.medunion.fhir.internal.pharmacy;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.EnumSet;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.diagnostics.DiagnosticsFhir;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.pharmacy.PrescriptionStatus;
import org.springframework.stereotype.Component;

/**
 * FHIR MedicationRequest, one per prescription item ({@code <prescription>-<line>}), read and search by
 * {@code patient} with {@code status}, {@code _lastUpdated} and {@code _count}: scoped like the REST prescription
 * reads (prescribing institution, reviewing pharmacists, dispensing site once approved; others: 404 on read, an
 * empty Bundle on search) and audited by the pharmacy module with the resident as subject.
 */
@Component
public class MedicationRequestResourceProvider implements IResourceProvider {

    private final PrescriptionRecords records;
    private final PrescriptionSubmissions submissions;

    MedicationRequestResourceProvider(PrescriptionRecords records, PrescriptionSubmissions submissions) {
        this.records = records;
        this.submissions = submissions;
    }

    /**
     * A one-item prescription submitted by a HIS (several items: a transaction Bundle, {@link PrescriptionTransactionProvider}):
     * 201 with the MedicationRequest as written, on hold for the pharmacist's review, its pre-screen findings referenced.
     */
    @Create
    public MethodOutcome create(@ResourceParam MedicationRequest request) {
        var created = submissions.submit(List.of(request));
        var item = PrescriptionToFhirMapper.request(created, created.view().items().get(0));
        var outcome = new MethodOutcome(new IdType("MedicationRequest", item.getIdElement().getIdPart()), true);
        outcome.setResource(item);
        return outcome;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        return PharmacyFhir.item(records, id, e -> true, PrescriptionToFhirMapper::request);
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = MedicationRequest.SP_STATUS) TokenOrListParam status,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count, @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        var request = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
        var states = PharmacyFhir.statuses(status, PharmacyFhir.REQUEST_STATUS, EnumSet.allOf(PrescriptionStatus.class));
        if (states.isEmpty()) {
            return Pages.of(request, List.of(), 0);
        }
        var all = status == null || status.getValuesAsQueryTokens().isEmpty() ? EnumSet.noneOf(PrescriptionStatus.class) : states;
        var matches = records.matches(resident, all, LastUpdated.window(lastUpdated));
        return PharmacyFhir.page(records, matches, PrescriptionRecords.Match::items, PrescriptionToFhirMapper::requests, request);
    }
}
