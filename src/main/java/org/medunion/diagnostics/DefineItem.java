package org.medunion.diagnostics;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Adds or replaces a catalogue item (administrators). {@code specimenType} (a {@link SpecimenType} name) only for lab
 * and pathology items; without it the kind's default.
 */
public record DefineItem(@Nullable String code, @Nullable String name, @Nullable String kind, @Nullable String unit,
                         @Nullable String referenceRange, @Nullable BigDecimal listPrice, @Nullable String specimenType) {

    /** An item with its kind's default specimen. */
    public DefineItem(@Nullable String code, @Nullable String name, @Nullable String kind, @Nullable String unit,
                      @Nullable String referenceRange, @Nullable BigDecimal listPrice) {
        this(code, name, kind, unit, referenceRange, listPrice, null);
    }
}
