-- issue 12: when a membership last changed (FHIR OrganizationAffiliation meta.lastUpdated, _lastUpdated);
-- maintained by the registry when a membership is added or ended; existing rows start at their creation time,
-- or at their consortium's last change when the membership has already ended (the end was written then or before)
alter table registry_membership add column updated_at timestamp with time zone;
update registry_membership set updated_at = created_at;
update registry_membership set updated_at = (select c.updated_at from registry_consortium c where c.id = consortium_id)
    where end_date is not null
      and (select c.updated_at from registry_consortium c where c.id = consortium_id) > created_at;
alter table registry_membership alter column updated_at set not null;
create index registry_membership_updated_at on registry_membership (updated_at);
create index registry_practitioner_updated_at on registry_practitioner (updated_at);
create index registry_institution_updated_at on registry_institution (updated_at);
