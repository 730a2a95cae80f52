package org.medunion.shared.web;

import org.medunion.support.PostgresTest;

@PostgresTest
class IdempotencyPostgresTest extends IdempotencyContract {
}
