package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/** Records that the patient explanation was given, and how (NAT-R-8). */
public record RecordExplanation(@Nullable String medium) {
}
