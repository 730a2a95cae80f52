-- issue 15: when an order to a centre last changed (FHIR ServiceRequest/Task/Specimen meta.lastUpdated, _lastUpdated as
-- a SQL filter, decision 0237); maintained by every write of OrderStore (placed, received, started, reported,
-- cancelled, rejected, critical result acknowledged, overdue or unacknowledged escalation). Existing rows: the latest
-- time the row records — a step's time, the rejection, the acknowledgement, and for an escalation (which kept no time)
-- the deadline it passed, the earliest it can have happened.
alter table diagnostics_order add column updated_at timestamp with time zone default current_timestamp;
update diagnostics_order set updated_at = greatest(ordered_at,
    coalesce(received_at, ordered_at), coalesce(started_at, ordered_at), coalesce(finished_at, ordered_at),
    coalesce(rejected_at, ordered_at), coalesce(critical_acknowledged_at, ordered_at),
    case when escalated then due_at else ordered_at end,
    case when critical_escalated and critical_due_at is not null then critical_due_at else ordered_at end);
alter table diagnostics_order alter column updated_at set not null;
create index diagnostics_order_updated_at on diagnostics_order (updated_at);
