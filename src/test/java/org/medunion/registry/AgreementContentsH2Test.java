package org.medunion.registry;

import org.medunion.support.H2Test;

@H2Test
class AgreementContentsH2Test extends AgreementContentsContract {
}
