package org.medunion.registry;

import org.medunion.support.H2Test;

@H2Test
class PublicHealthDepartmentH2Test extends PublicHealthDepartmentContract {
}
