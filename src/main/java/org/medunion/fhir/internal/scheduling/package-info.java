/** FHIR views of the scheduling module: Schedule, Slot and Appointment (booking), with keyset paging in SQL. */
@org.jspecify.annotations.NullMarked
package org.medunion.fhir.internal.scheduling;
