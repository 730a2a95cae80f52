-- An expert's consultation slots (会诊号) for live consultation sessions (decision 0255): one more schedule kind.
alter table scheduling_schedule drop constraint scheduling_schedule_kind;
alter table scheduling_schedule add constraint scheduling_schedule_kind
    check (kind in ('OUTPATIENT_EXPERT', 'OUTPATIENT_SPECIALTY', 'INPATIENT_BED', 'EXAM', 'CONSULTATION'));
