package org.medunion.diagnostics;

import org.medunion.support.H2Test;

@H2Test
class DiagnosticsFhirH2Test extends DiagnosticsFhirContract {
}
