package org.medunion.fhir;

import org.medunion.support.H2Test;

@H2Test
class FhirLastUpdatedH2Test extends FhirLastUpdatedContract {
}
