package org.medunion.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the local PostgreSQL (127.0.0.1:5432, database medunion_test, created by
 * .ci/run) with the demo city, on a random port. Skipped with a printed notice when no PostgreSQL is
 * reachable — and never skipped in CI ({@code CI=true}), where a missing database is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "pgtest"})
@Import(TestDatabaseConfiguration.class)
@Tag("postgres")
public @interface PostgresTest {
}
