-- issue 12: when a resident, team or contract last changed (FHIR meta.lastUpdated, _lastUpdated as a SQL filter);
-- maintained by the residents stores on every change, existing rows start at their creation time
alter table residents_resident add column updated_at timestamp with time zone default current_timestamp;
update residents_resident set updated_at = created_at;
alter table residents_resident alter column updated_at set not null;
create index residents_resident_updated_at on residents_resident (updated_at);

alter table residents_team add column updated_at timestamp with time zone default current_timestamp;
update residents_team set updated_at = created_at;
alter table residents_team alter column updated_at set not null;

alter table residents_contract add column updated_at timestamp with time zone default current_timestamp;
update residents_contract set updated_at = created_at;
alter table residents_contract alter column updated_at set not null;
