/** FHIR views of residents: Patient (scoped, masked) and the family-doctor teams as CareTeam. */
@org.jspecify.annotations.NullMarked
package org.medunion.fhir.internal.residents;
