package org.medunion.audit;

import org.medunion.support.PostgresTest;

@PostgresTest
class AuditTrailPostgresTest extends AuditTrailContract {

    @Override
    protected void triggers(boolean on) {
        jdbc.sql("alter table audit_event " + (on ? "enable" : "disable") + " trigger audit_event_no_update").update();
    }
}
