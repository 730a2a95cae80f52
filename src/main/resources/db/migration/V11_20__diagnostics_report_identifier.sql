-- Result import (issue 15): the report's identifier at the performing member (FHIR DiagnosticReport.identifier, or the
-- member report number of a CSV/Excel row). A resubmission with the same identifier from the same performer returns
-- the report already recorded instead of a second one; reports recorded otherwise carry none (nulls are distinct).
alter table diagnostics_report add column source_system varchar(200);
alter table diagnostics_report add column source_value varchar(100);
create unique index diagnostics_report_source on diagnostics_report (performer_institution_id, source_system, source_value);
