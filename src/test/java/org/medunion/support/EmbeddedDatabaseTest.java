package org.medunion.support;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The embedded default must keep working after the connection that ran the migrations is gone. H2 2.4.240 kept a
 * CHECK constraint bound to the session that created it, so once the pool retired that connection (Hikari's
 * 30-minute max lifetime) every insert into the table failed with "Check constraint invalid … database has been
 * closed" — a fresh demo start broke after half an hour, and long test runs failed at random (decision 0160).
 */
class EmbeddedDatabaseTest {

    @Test
    void aCheckConstraintStillWorksAfterTheSessionThatCreatedItClosed() throws Exception {
        String url = "jdbc:h2:mem:check-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection holder = DriverManager.getConnection(url)) {
            try (Connection migrations = DriverManager.getConnection(url)) {
                migrations.createStatement().execute(
                        "create table booking (id int, pool varchar(30), constraint booking_pool check (pool in ('PUBLIC', 'RESERVED')))");
            }
            try (Connection later = DriverManager.getConnection(url)) {
                assertThatCode(() -> later.createStatement().execute("insert into booking values (1, 'PUBLIC')"))
                        .doesNotThrowAnyException();
            }
            holder.createStatement().execute("shutdown");
        }
    }
}
