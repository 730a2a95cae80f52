package org.medunion.web;

import org.medunion.support.H2Test;

@H2Test
class ConsultationPickerH2Test extends ConsultationPickerContract {
}
