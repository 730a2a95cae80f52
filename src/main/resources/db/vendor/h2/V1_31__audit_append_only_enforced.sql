-- Issue 10: append-only enforced on the embedded database too (V1_3 was a no-op here).
create trigger audit_event_no_update before update on audit_event for each row
    call 'org.medunion.audit.internal.AppendOnlyTrigger';
create trigger audit_event_no_delete before delete on audit_event for each row
    call 'org.medunion.audit.internal.AppendOnlyTrigger';
-- H2 fires no trigger on TRUNCATE but refuses to truncate a table that a foreign key refers to: this table stays
-- empty and exists only to make TRUNCATE audit_event fail.
create table audit_event_truncate_guard (
    event_id uuid references audit_event (id)
);
