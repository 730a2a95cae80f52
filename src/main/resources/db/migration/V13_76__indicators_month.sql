-- Month rows (issue 17, decision 0266): the sums of an institution's day rows per calendar month and primary-care flag,
-- for the closed months only, kept in the same transaction as the day rows, so a dashboard reads a district's year as
-- 12 rows per institution instead of 365. Whole closed months of a period are read here, other days from indicators_day.
create table indicators_month (
    institution_id    uuid           not null,
    month_start       date           not null,
    primary_care      boolean        not null,
    visits            bigint         not null,
    discharges        bigint         not null,
    bed_days          bigint         not null,
    operations        bigint         not null,
    level4_operations bigint         not null,
    drg_weight_sum    numeric(18, 4) not null,
    drg_discharges    bigint         not null,
    source_records    bigint         not null,
    computed_at       timestamp with time zone not null,
    primary key (institution_id, month_start, primary_care)
);

-- The months whose rows are kept (closed months: before the current one when they were closed). A month not listed is
-- read from its day rows; a refresh of a day in a listed month recomputes the month's rows of the touched institutions.
create table indicators_month_closed (
    month_start date not null primary key,
    closed_at   timestamp with time zone not null
);
