/** FHIR resources of referrals and consultations: ServiceRequest, Task, Consent, Provenance, DocumentReference. */
@org.jspecify.annotations.NullMarked
package org.medunion.fhir.internal.referral;
