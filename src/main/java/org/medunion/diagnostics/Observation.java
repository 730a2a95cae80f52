package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/** One value of a report (FHIR Observation): code, name, value, unit, reference range. */
public record Observation(@Nullable String code, @Nullable String name, @Nullable String value, @Nullable String unit,
                          @Nullable String referenceRange) {
}
