package org.medunion.audit;

import org.medunion.support.PostgresTest;

@PostgresTest
class AuditTrailPostgresTest extends AuditTrailContract {

    @Override
    protected void triggers(boolean on) {
        jdbc.sql("alter table audit_event " + (on ? "enable" : "disable") + " trigger audit_event_no_update").update();
    }

    @Override
    protected void sealTriggers(boolean on) {
        jdbc.sql("alter table audit_seal " + (on ? "enable" : "disable") + " trigger audit_seal_no_update").update();
    }
}
