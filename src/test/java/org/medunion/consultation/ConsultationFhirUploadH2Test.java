package org.medunion.consultation;

import org.medunion.support.H2Test;

@H2Test
class ConsultationFhirUploadH2Test extends ConsultationFhirUploadContract {
}
