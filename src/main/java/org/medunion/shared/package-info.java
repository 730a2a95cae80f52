/**
 * Shared kernel: value types every module may use (identity numbers, credit codes, masking) and the
 * error vocabulary that the REST and FHIR facades turn into problem details and OperationOutcomes.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.medunion.shared;
