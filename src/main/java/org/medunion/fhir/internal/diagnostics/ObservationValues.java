package org.medunion.fhir.internal.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.Observation;

/** The diagnostics module's values, built where FHIR's Observation of the same simple name is not in scope. */
final class ObservationValues {

    private ObservationValues() {
    }

    static List<Observation> list() {
        return new ArrayList<>();
    }

    /** From code, name, value, unit and reference range, in that order. */
    static Observation of(@Nullable String[] parts) {
        return new Observation(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }
}
