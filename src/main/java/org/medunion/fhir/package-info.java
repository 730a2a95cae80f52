/**
 * The HL7 FHIR R4 facade at {@code /fhir}: one resource provider per resource, explicit mappers to and
 * from the modules' APIs. HAPI FHIR types appear only in this module. Contract: docs/fhir.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR", allowedDependencies = {"shared", "identity", "audit", "registry",
        "residents", "scheduling", "referral", "policy", "diagnostics", "pharmacy", "consultation", "indicators", "web :: console"})
@org.jspecify.annotations.NullMarked
package org.medunion.fhir;
