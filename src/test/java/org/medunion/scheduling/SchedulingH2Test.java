package org.medunion.scheduling;

import org.medunion.support.H2Test;

@H2Test
class SchedulingH2Test extends SchedulingContract {
}
