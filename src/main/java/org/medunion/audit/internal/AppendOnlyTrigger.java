package org.medunion.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * On the embedded H2 database, refuses every UPDATE and DELETE of the table it is attached to
 * (db/vendor/h2/V1_31): the counterpart of the PostgreSQL trigger function, so append-only does not depend
 * on which database runs.
 */
public class AppendOnlyTrigger implements Trigger {

    // set by H2 in init(), before any fire()
    private @Nullable String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(table + " is append-only", "42000");
    }
}
