package org.medunion.indicators;

import org.medunion.support.H2Test;

@H2Test
class EncounterImportH2Test extends EncounterImportContract {
}
