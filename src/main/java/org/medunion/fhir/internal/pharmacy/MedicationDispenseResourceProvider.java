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
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.diagnostics.DiagnosticsFhir;
import org.medunion.pharmacy.PrescriptionRecords;
import org.springframework.stereotype.Component;

/**
 * FHIR MedicationDispense, one per item of a dispensed, partly dispensed or not-dispensed prescription
 * ({@code <prescription>-<line>}, RX-15), read and search by {@code patient} with {@code status},
 * {@code _lastUpdated} and {@code _count}; scoped and audited like {@link MedicationRequestResourceProvider}.
 */
@Component
public class MedicationDispenseResourceProvider implements IResourceProvider {

    private final PrescriptionRecords records;

    MedicationDispenseResourceProvider(PrescriptionRecords records) {
        this.records = records;
    }

    @Override
    public Class<MedicationDispense> getResourceType() {
        return MedicationDispense.class;
    }

    @Read
    public MedicationDispense read(@IdParam IdType id) {
        return PharmacyFhir.item(records, id, e -> PharmacyFhir.DISPENSED.contains(e.view().status()), PrescriptionToFhirMapper::dispense);
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = MedicationDispense.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = MedicationDispense.SP_STATUS) TokenOrListParam status,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count, @Offset Integer offset) {
        var resident = DiagnosticsFhir.patient(patient);
        var request = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
        var states = PharmacyFhir.statuses(status, PharmacyFhir.DISPENSE_STATUS, PharmacyFhir.DISPENSED);
        if (states.isEmpty()) {
            return Pages.of(request, List.of(), 0);
        }
        var matches = records.matches(resident, states, LastUpdated.window(lastUpdated));
        return PharmacyFhir.page(records, matches, PrescriptionRecords.Match::items, PrescriptionToFhirMapper::dispenses, request);
    }
}
