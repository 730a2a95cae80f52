package org.medunion.fhir.internal.pharmacy;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.medunion.fhir.internal.SystemLevelProvider;
import org.medunion.fhir.internal.diagnostics.ReportSubmissions;
import org.medunion.fhir.internal.indicators.EncounterSubmissions;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a {@code transaction} Bundle: the one transaction MedUnion takes is a HIS's prescription —
 * every entry a {@code POST MedicationRequest}, one item each, together one prescription (grouped by the
 * {@code groupIdentifier} MedUnion gives it) — or a member's results: DiagnosticReports with their Observations,
 * handed to {@link ReportSubmissions} (decision 0231), or a member's encounters (Encounters with their Procedures, handed
 * to {@link EncounterSubmissions}, decision 0258). All or nothing: any entry refused refuses the whole Bundle.
 */
@Component
public class PrescriptionTransactionProvider implements SystemLevelProvider {

    private final PrescriptionSubmissions submissions;
    private final ReportSubmissions reports;
    private final EncounterSubmissions encounters;

    PrescriptionTransactionProvider(PrescriptionSubmissions submissions, ReportSubmissions reports,
                                    EncounterSubmissions encounters) {
        this.submissions = submissions;
        this.reports = reports;
        this.encounters = encounters;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidInputException("Bundle.type", "request.unknownValue",
                    bundle.hasType() ? bundle.getType().toCode() : "", "transaction");
        }
        if (ReportSubmissions.carriesReports(bundle)) {
            return reports.transaction(bundle);
        }
        if (EncounterSubmissions.carriesEncounters(bundle)) {
            return encounters.transaction(bundle); // decision 0258
        }
        var requests = new ArrayList<MedicationRequest>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            var entry = bundle.getEntry().get(i);
            String path = "Bundle.entry[" + i + "]";
            if (!(entry.getResource() instanceof MedicationRequest request)) {
                throw new InvalidInputException(path + ".resource", "fhir.transactionContent");
            }
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || !"MedicationRequest".equals(entry.getRequest().getUrl())) {
                throw new InvalidInputException(path + ".request", "fhir.transactionContent");
            }
            requests.add(request);
        }
        var created = submissions.submit(requests);
        var response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        List<MedicationRequest> items = PrescriptionToFhirMapper.requests(created);
        for (var item : items) {
            response.addEntry().setResource(item).getResponse().setStatus("201 Created")
                    .setLocation(item.getIdElement().toUnqualifiedVersionless().getValue())
                    .setLastModified(item.getMeta().getLastUpdated());
        }
        return response;
    }
}
