package org.medunion.security;

import org.medunion.support.H2Test;

@H2Test
class InputHygieneH2Test extends InputHygieneContract {
}
