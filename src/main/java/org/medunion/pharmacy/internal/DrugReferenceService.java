package org.medunion.pharmacy.internal;

import java.util.List;
import java.util.Optional;
import org.medunion.pharmacy.DrugMonograph;
import org.medunion.pharmacy.DrugReference;
import org.medunion.pharmacy.FormularyDrugView;
import org.springframework.stereotype.Service;

/** {@link DrugReference} over the loaded {@link DrugKnowledge}: the same data the pre-screen checks against. */
@Service
class DrugReferenceService implements DrugReference {

    private final DrugKnowledge knowledge;

    DrugReferenceService(DrugKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Optional<DrugMonograph> monograph(String code) {
        return Optional.ofNullable(knowledge.drug(code)).map(this::monograph);
    }

    @Override
    public List<DrugMonograph> monographs() {
        return knowledge.drugs().stream().map(this::monograph).toList();
    }

    private DrugMonograph monograph(FormularyDrugView drug) {
        var dose = knowledge.dose(drug.code());
        var interactions = knowledge.interactions(drug.code()).stream().map(i -> {
            String other = i.drugA().equals(drug.code()) ? i.drugB() : i.drugA();
            var otherDrug = knowledge.drug(other);
            return new DrugMonograph.Interaction(other, otherDrug == null ? other : otherDrug.name(), i.severity(), i.note());
        }).toList();
        var contraindications = knowledge.contraindications(drug.code()).stream()
                .map(c -> new DrugMonograph.Contraindication(c.kind(), c.value(), c.note())).toList();
        return new DrugMonograph(drug, dose == null ? null : dose.maxSingle(), dose == null ? null : dose.maxDaily(), interactions,
                contraindications);
    }
}
