package org.medunion.registry;

import org.medunion.support.PostgresTest;

@PostgresTest
class AgreementContentsPostgresTest extends AgreementContentsContract {
}
