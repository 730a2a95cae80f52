-- audit (issue 10): account and login actions (LOGIN_SUCCEEDED, PASSWORD_CHANGED, ...) are longer than 10 characters.
-- Widening a varchar changes no stored value and, on PostgreSQL, rewrites nothing (no UPDATE trigger fires).
alter table audit_event alter column action set data type varchar(30);
