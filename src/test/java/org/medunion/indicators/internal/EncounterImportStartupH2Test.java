package org.medunion.indicators.internal;

import org.medunion.support.H2Test;

@H2Test
class EncounterImportStartupH2Test extends EncounterImportStartupContract {
}
