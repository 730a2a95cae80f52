package org.medunion.diagnostics;

import org.medunion.support.H2Test;

@H2Test
class DiagnosticsBackfillH2Test extends DiagnosticsBackfillContract {
}
