-- Decision 0273: one partition per call, so that each is created in a transaction of its own. V13_60's
-- indicators_encounter_ensure_month created the month's day partition and then its fact partition in the ingest's
-- transaction: the ACCESS EXCLUSIVE lock on indicators_day was held until the ingest committed while the second
-- statement waited for readers of indicators_encounter, and a reader that had read the facts and then read the day rows
-- (the policy module judging NN-9) closed the cycle: "deadlock detected", the demo city's encounters not loaded.
-- The lock wait is bounded (lock_timeout) so that a long reader makes the caller retry instead of queueing every other
-- reader of the table behind the waiting DDL.
create or replace function indicators_ensure_partition(parent text, month_day date) returns boolean language plpgsql as $$
declare
    first_day date := date_trunc('month', month_day)::date;
    next_first date := (date_trunc('month', month_day) + interval '1 month')::date;
    part text := parent || '_p' || to_char(first_day, 'YYYY_MM');
begin
    if parent not in ('indicators_day', 'indicators_encounter') then
        raise exception 'not a monthly partitioned table of the indicators module: %', parent;
    end if;
    if to_regclass(part) is not null then
        return false;
    end if;
    perform set_config('lock_timeout', '5s', true);
    execute format('create table %I partition of %I for values from (%L) to (%L)', part, parent, first_day, next_first);
    return true;
exception when duplicate_table or unique_violation then
    return false; -- created by a concurrent transaction
end $$;

-- kept for scripts and tools that call it; both partitions, each by the function above (still one transaction when
-- called in one statement: the application calls indicators_ensure_partition twice instead)
create or replace function indicators_encounter_ensure_month(month_day date) returns boolean language plpgsql as $$
begin
    perform indicators_ensure_partition('indicators_day', month_day);
    return indicators_ensure_partition('indicators_encounter', month_day);
end $$;
