package org.medunion.scheduling.internal;

import org.medunion.shared.MedUnionException;

/** the same Idempotency-Key came back with a different request: 422 {@code SCHEDULING-0006}. */
class IdempotencyKeyReusedException extends MedUnionException {

    IdempotencyKeyReusedException() {
        super("SCHEDULING-0006", "Idempotency-Key");
    }

    @Override
    public int status() {
        return 422;
    }
}
