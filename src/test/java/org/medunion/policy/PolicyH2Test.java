package org.medunion.policy;

import org.medunion.support.H2Test;

@H2Test
class PolicyH2Test extends PolicyContract {
}
