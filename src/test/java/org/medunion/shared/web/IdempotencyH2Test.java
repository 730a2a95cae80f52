package org.medunion.shared.web;

import org.medunion.support.H2Test;

@H2Test
class IdempotencyH2Test extends IdempotencyContract {
}
