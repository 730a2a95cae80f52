package org.medunion.fhir.internal;

/**
 * Types of a consultation Task's inputs and outputs (CodeSystem {@code consultation-task-parameter}, decision 0259): the
 * session time, the lead expert who signs the opinion, the expert's consultation Slot booked on acceptance, each further
 * MDT expert, and the signed opinion (docs/fhir.md "Consultation").
 */
public enum ConsultationTaskParameter {

    SESSION, EXPERT, SLOT, MDT_EXPERT, OPINION;

    public String code() {
        return Systems.code(this);
    }
}
