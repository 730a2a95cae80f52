-- referral: downward home-based care (家庭病床, 居家安宁疗护) is accepted without a booking but with the
-- responsible family-doctor team or practitioner of the receiving institution and a planned start
-- (docs/decisions/0004-downward-acceptance.md). One row per accepted home-care referral.
create table referral_home_care (
    referral_id      uuid primary key references referral_referral (id),
    team_id          uuid,
    practitioner_id  uuid,
    planned_start    date not null
);
