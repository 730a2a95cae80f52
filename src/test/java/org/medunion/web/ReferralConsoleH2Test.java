package org.medunion.web;

import org.medunion.support.H2Test;

@H2Test
class ReferralConsoleH2Test extends ReferralConsoleContract {
}
