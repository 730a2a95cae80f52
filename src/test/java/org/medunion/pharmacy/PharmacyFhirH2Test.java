package org.medunion.pharmacy;

import org.medunion.support.H2Test;

@H2Test
class PharmacyFhirH2Test extends PharmacyFhirContract {
}
