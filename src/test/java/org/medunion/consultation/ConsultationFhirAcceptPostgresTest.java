package org.medunion.consultation;

import org.medunion.support.PostgresTest;

@PostgresTest
class ConsultationFhirAcceptPostgresTest extends ConsultationFhirAcceptContract {
}
