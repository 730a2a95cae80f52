package org.medunion.identity;

import org.medunion.support.H2Test;

@H2Test
class AccountsH2Test extends AccountsContract {
}
