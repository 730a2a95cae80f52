package org.medunion.consultation;

import org.medunion.support.H2Test;

@H2Test
class ConsultationAttachmentH2Test extends ConsultationAttachmentContract {
}
