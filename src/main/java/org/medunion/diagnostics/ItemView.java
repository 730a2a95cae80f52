package org.medunion.diagnostics;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue item: code, name, kind, unit and reference range (lab), list price (what a recognition avoids, I-25), and
 * the specimen it is done on (lab and pathology items; null for imaging and ECG).
 */
public record ItemView(String code, String name, ItemKind kind, @Nullable String unit, @Nullable String referenceRange,
                       BigDecimal listPrice, @Nullable SpecimenType specimenType) {
}
