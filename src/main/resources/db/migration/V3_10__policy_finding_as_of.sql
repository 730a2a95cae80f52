-- Issue 13: a stored finding records the day its evaluation looked at (the registry "as of" that day); null for
-- findings stored before this column existed.
alter table policy_finding add column as_of date;
