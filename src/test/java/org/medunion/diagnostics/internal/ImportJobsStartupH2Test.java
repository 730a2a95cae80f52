package org.medunion.diagnostics.internal;

import org.medunion.support.H2Test;

@H2Test
class ImportJobsStartupH2Test extends ImportJobsStartupContract {
}
