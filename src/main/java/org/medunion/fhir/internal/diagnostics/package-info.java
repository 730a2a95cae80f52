/** FHIR views of the diagnostics module: orders, specimens, reports, imaging studies, QC, recognition and explanations. */
@org.jspecify.annotations.NullMarked
package org.medunion.fhir.internal.diagnostics;
