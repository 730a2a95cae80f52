-- issue 13: what the seeds ask an agreement to state besides its sections. SH-7 (seed 000): "管理人员职责应在托管协议中
-- 予以明确" — the dispatched managers' duties; SH-17 (seed 000): "明确共建人才、学科、技术等医疗服务能力提升以及医院管理
-- 综合能力提升的客观要求和具体量化指标" — quantified targets, one row each, in the order recorded.
alter table registry_agreement add column manager_duties varchar(4000);

create table registry_agreement_target (
    agreement_id uuid           not null references registry_agreement (id),
    position     integer        not null,
    area         varchar(20)    not null,
    indicator    varchar(200)   not null,
    target_value numeric(14, 4) not null,
    unit         varchar(20),
    due_by       date,
    primary key (agreement_id, position)
);
