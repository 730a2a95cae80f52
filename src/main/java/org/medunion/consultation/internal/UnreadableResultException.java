package org.medunion.consultation.internal;

import java.util.UUID;
import org.medunion.consultation.ConsultationError;
import org.medunion.shared.MedUnionException;

/**
 * A result named for attachment that the caller may not read through the diagnostics module, or that does not exist:
 * 404 as the diagnostics module answers (no existence oracle), naming the field.
 */
class UnreadableResultException extends MedUnionException {

    UnreadableResultException(String field, UUID report) {
        super(ConsultationError.UNKNOWN_RESULT.code(), field, report);
    }

    @Override
    public int status() {
        return 404;
    }
}
