-- referral: the family doctor's note when a follow-up task is marked done (who and when exist since V6_1)
alter table referral_follow_up_task add column done_note varchar(1000);
create index referral_follow_up_task_open on referral_follow_up_task (done, due_date);
