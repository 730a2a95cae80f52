package org.medunion.residents;

import org.medunion.support.H2Test;

@H2Test
class PovertyCoverageH2Test extends PovertyCoverageContract {
}
