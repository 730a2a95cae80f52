package org.medunion.referral;

import org.medunion.support.H2Test;

@H2Test
class ReferralFhirH2Test extends ReferralFhirContract {
}
