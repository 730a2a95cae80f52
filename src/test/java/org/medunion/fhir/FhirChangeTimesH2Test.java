package org.medunion.fhir;

import org.medunion.support.H2Test;

@H2Test
class FhirChangeTimesH2Test extends FhirChangeTimesContract {
}
