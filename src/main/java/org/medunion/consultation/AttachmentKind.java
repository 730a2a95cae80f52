package org.medunion.consultation;

/**
 * What an attachment of a consultation is: a diagnostics result (FHIR DiagnosticReport) or imaging study (FHIR
 * ImagingStudy) of the same resident, attached by reference (the result stays in the diagnostics module, the images at
 * the centre), or a document uploaded to the consultation (PDF, JPEG or PNG, kept by the consultation module).
 */
public enum AttachmentKind {

    RESULT,
    IMAGING_STUDY,
    DOCUMENT;

    public boolean byReference() {
        return this != DOCUMENT;
    }
}
