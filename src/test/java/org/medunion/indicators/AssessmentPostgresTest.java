package org.medunion.indicators;

import org.medunion.support.PostgresTest;

@PostgresTest
class AssessmentPostgresTest extends FrozenAssessmentContract {
}
