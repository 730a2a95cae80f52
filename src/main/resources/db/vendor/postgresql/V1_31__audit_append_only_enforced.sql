-- Issue 10: row triggers do not fire on TRUNCATE; a statement-level trigger refuses it too.
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
