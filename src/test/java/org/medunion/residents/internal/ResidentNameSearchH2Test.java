package org.medunion.residents.internal;

import org.medunion.support.H2Test;

@H2Test
class ResidentNameSearchH2Test extends ResidentNameSearchContract {
}
