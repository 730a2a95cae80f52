package org.medunion.consultation;

import org.jspecify.annotations.Nullable;

/** The text of a step: a decline reason, a question, an answer, an opinion draft or a cancellation reason. */
public record ConsultationNote(@Nullable String text) {
}
