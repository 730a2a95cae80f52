package org.medunion.web;

import org.medunion.support.H2Test;

@H2Test
class ConsoleListsH2Test extends ConsoleListsContract {
}
