-- SH-10: change reports are immutable records; the database refuses updates and deletes.
create function registry_change_report_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'registry_change_report is immutable';
end $$;
create trigger registry_change_report_no_update before update or delete on registry_change_report
    for each row execute function registry_change_report_immutable();
