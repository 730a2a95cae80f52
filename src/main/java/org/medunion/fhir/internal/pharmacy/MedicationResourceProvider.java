package org.medunion.fhir.internal.pharmacy;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.medunion.fhir.internal.Pages;
import org.medunion.pharmacy.PharmacyManagement;
import org.springframework.stereotype.Component;

/**
 * FHIR Medication: the consortium formulary (no personal data), read by formulary code and searched by {@code code}
 * ({@code https://medunion.example/fhir/formulary|F0001}) or page by page.
 */
@Component
public class MedicationResourceProvider implements IResourceProvider {

    private final PharmacyManagement pharmacy;

    MedicationResourceProvider(PharmacyManagement pharmacy) {
        this.pharmacy = pharmacy;
    }

    @Override
    public Class<Medication> getResourceType() {
        return Medication.class;
    }

    @Read
    public Medication read(@IdParam IdType id) {
        return pharmacy.drug(id.getIdPart()).map(DrugToMedicationMapper::medication).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Medication.SP_CODE) TokenParam code, @Count Integer count,
                                  @Offset Integer offset) {
        var request = Pages.request(count, offset);
        if (code != null && !code.isEmpty()) {
            if (code.getSystem() != null && !code.getSystem().isBlank() && !PharmacyFhir.FORMULARY.equals(code.getSystem())) {
                return Pages.of(request, List.of(), 0);
            }
            return Pages.slice(request, pharmacy.drug(code.getValue()).map(DrugToMedicationMapper::medication).stream().toList());
        }
        return Pages.slice(request, pharmacy.formulary(null).stream().map(DrugToMedicationMapper::medication).toList());
    }
}
