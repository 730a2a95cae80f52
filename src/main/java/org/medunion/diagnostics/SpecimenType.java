package org.medunion.diagnostics;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a lab or pathology item is done on (FHIR Specimen.type, decision 0237): set per catalogue item, else the
 * default of its kind — venous blood for lab, tissue for pathology. Imaging and ECG items take no specimen.
 */
public enum SpecimenType {

    VENOUS_BLOOD, WHOLE_BLOOD, SERUM, PLASMA, URINE, STOOL, SPUTUM, CEREBROSPINAL_FLUID, TISSUE;

    /** The specimen of an item of this kind when the catalogue names none; empty for kinds without a specimen. */
    public static Optional<SpecimenType> defaultFor(ItemKind kind) {
        return switch (kind) {
            case LAB -> Optional.of(VENOUS_BLOOD);
            case PATHOLOGY -> Optional.of(TISSUE);
            case IMAGING, ECG -> Optional.empty();
        };
    }

    /** Whether orders of the kind send a specimen to the centre (lab and pathology). */
    public static boolean taken(@Nullable ItemKind kind) {
        return kind != null && defaultFor(kind).isPresent();
    }
}
