package org.medunion.audit;

import org.medunion.support.H2Test;

@H2Test
class AuditTrailH2Test extends AuditTrailContract {

    /** H2 cannot disable a trigger: drop and re-create it (the migration's definition). */
    @Override
    protected void triggers(boolean on) {
        if (on) {
            jdbc.sql("create trigger audit_event_no_update before update on audit_event for each row "
                    + "call 'org.medunion.audit.internal.AppendOnlyTrigger'").update();
            jdbc.sql("create trigger audit_event_no_delete before delete on audit_event for each row "
                    + "call 'org.medunion.audit.internal.AppendOnlyTrigger'").update();
        } else {
            jdbc.sql("drop trigger audit_event_no_update").update();
            jdbc.sql("drop trigger audit_event_no_delete").update();
        }
    }

    @Override
    protected void sealTriggers(boolean on) {
        if (on) {
            jdbc.sql("create trigger audit_seal_no_delete before delete on audit_seal for each row "
                    + "call 'org.medunion.audit.internal.AppendOnlyTrigger'").update();
        } else {
            jdbc.sql("drop trigger audit_seal_no_delete").update();
        }
    }
}
