package org.medunion.web;

import org.medunion.support.PostgresTest;

@PostgresTest
class ConsultationPickerPostgresTest extends ConsultationPickerContract {
}
