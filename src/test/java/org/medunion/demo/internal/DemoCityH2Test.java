package org.medunion.demo.internal;

import org.medunion.support.H2Test;

@H2Test
class DemoCityH2Test extends DemoCityContract {
}
