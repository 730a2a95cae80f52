-- issue 13, NN-10 (seed 002, Nanning 2024): "各公立医院建立直接从事疾病预防控制工作的标准化公共卫生科,配备专职人员,
-- 承担医院公共卫生工作。" One row per institution that has such a department: the day it was established and its
-- dedicated (专职) staff. No row: the registry records no department (decision 0252).
create table registry_public_health_department (
    institution_id  uuid        primary key references registry_institution (id),
    established_on  date        not null,
    dedicated_staff integer     not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(64) not null
);
