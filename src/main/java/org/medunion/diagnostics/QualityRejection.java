package org.medunion.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a shared centre sends an order back (SC-3, TM-8): the ordering site answers for specimen and image quality, so a
 * rejection for quality is a coded outcome rather than a report. {@link #OTHER} requires a free text.
 */
public enum QualityRejection {

    SPECIMEN_HAEMOLYSED,
    SPECIMEN_INSUFFICIENT,
    SPECIMEN_CLOTTED_OR_CONTAMINATED,
    LABEL_OR_IDENTITY_MISMATCH,
    TRANSPORT_OR_TIME_EXCEEDED,
    IMAGES_NOT_DIAGNOSTIC,
    IMAGES_INCOMPLETE,
    OTHER;

    /** The FHIR code (CodeSystem centre-order-rejection): the constant's name in lower-case kebab form. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean needsText() {
        return this == OTHER;
    }

    /** The constant for a name or a FHIR code, if any. */
    public static Optional<QualityRejection> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.name().equals(value) || r.code().equals(value)).findFirst();
    }
}
