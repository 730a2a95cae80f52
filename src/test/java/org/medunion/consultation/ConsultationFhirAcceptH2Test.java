package org.medunion.consultation;

import org.medunion.support.H2Test;

@H2Test
class ConsultationFhirAcceptH2Test extends ConsultationFhirAcceptContract {
}
