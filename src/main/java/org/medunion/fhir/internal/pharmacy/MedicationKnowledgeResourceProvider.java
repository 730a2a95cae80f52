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
import org.hl7.fhir.r4.model.MedicationKnowledge;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Pages;
import org.medunion.pharmacy.DrugReference;
import org.springframework.stereotype.Component;

/**
 * FHIR MedicationKnowledge: each formulary drug with the drug knowledge the pre-screen checks against (dose limits,
 * interactions, contraindications) — no personal data; read by formulary code, searched by {@code code} or page by page.
 */
@Component
public class MedicationKnowledgeResourceProvider implements IResourceProvider {

    private final DrugReference drugs;

    MedicationKnowledgeResourceProvider(DrugReference drugs) {
        this.drugs = drugs;
    }

    @Override
    public Class<MedicationKnowledge> getResourceType() {
        return MedicationKnowledge.class;
    }

    @Read
    public MedicationKnowledge read(@IdParam IdType id) {
        return drugs.monograph(id.getIdPart()).map(DrugToMedicationKnowledgeMapper::knowledge)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = MedicationKnowledge.SP_CODE) @Nullable TokenParam code,
                                  @Count @Nullable Integer count, @Offset @Nullable Integer offset) {
        var request = Pages.request(count, offset);
        if (code != null && !code.isEmpty()) {
            if (code.getSystem() != null && !code.getSystem().isBlank() && !PharmacyFhir.FORMULARY.equals(code.getSystem())) {
                return Pages.of(request, List.of(), 0);
            }
            return Pages.slice(request, drugs.monograph(code.getValue()).map(DrugToMedicationKnowledgeMapper::knowledge).stream().toList());
        }
        var all = drugs.monographs();
        int from = Math.min(request.first(), all.size());
        var page = all.subList(from, Math.min(all.size(), from + request.count())).stream()
                .map(DrugToMedicationKnowledgeMapper::knowledge).toList();
        return Pages.of(request, page, all.size());
    }
}
