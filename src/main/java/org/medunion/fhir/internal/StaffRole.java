package org.medunion.fhir.internal;

/** PractitionerRole.code: where a practitioner works — at home or dispatched (CodeSystem practitioner-role). */
enum StaffRole {
    STAFF, DISPATCHED_MANAGER, DISPATCHED_EXPERT
}
