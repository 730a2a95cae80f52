package org.medunion.fhir.internal;

/** Organization.type: an institution or a consortium (CodeSystem organization-type). */
enum OrganizationKind {
    INSTITUTION, CONSORTIUM
}
