package org.medunion.identity;

import org.medunion.support.H2Test;

@H2Test
class FoundationH2Test extends FoundationContract {
}
