package org.medunion.consultation;

import java.util.UUID;

/** Typed id of a consultation. */
public record ConsultationId(UUID value) {

    public static ConsultationId of(String value) {
        return new ConsultationId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
