package org.medunion.registry.internal;

import org.medunion.support.H2Test;

@H2Test
class RegistryGuardH2Test extends RegistryGuardContract {
}
