package org.medunion.registry;

import org.medunion.support.H2Test;

@H2Test
class RegistryH2Test extends RegistryContract {
}
