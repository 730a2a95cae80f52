package org.medunion.diagnostics;

import org.medunion.support.H2Test;

@H2Test
class CentreOrderFhirH2Test extends CentreOrderFhirContract {
}
