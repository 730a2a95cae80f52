package org.medunion.security;

import org.medunion.support.H2Test;

@H2Test
class AccessMatrixH2Test extends AccessMatrixContract {
}
