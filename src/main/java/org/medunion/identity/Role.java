package org.medunion.identity;

/** The roles of product.md; each has one console workspace. */
public enum Role {

    /** 系统管理员 — system administrator (等保 三员): configuration and registry; no account or audit administration. */
    ADMIN,
    /** 安全管理员 — security administrator (等保 三员): accounts, roles, scopes, unlocks; reads no resident data. */
    SECURITY_ADMIN,
    /** 审计管理员 — audit administrator (等保 三员): reads, verifies and exports the audit trail; nobody edits it. */
    AUDITOR,
    /** 卫健委规划人员 — health-commission planner, scoped to a jurisdiction. */
    PLANNER,
    /** 医联体管理办公室 — consortium management office, scoped to one consortium. */
    OFFICE,
    /** 家庭医生 — GP at a primary institution. */
    GP,
    /** 牵头医院专科医生 — specialist at a lead hospital. */
    SPECIALIST,
    /** 前置审核药师 — pharmacist at the pre-review centre. */
    PHARMACIST,
    /** 共享中心人员 — staff of a shared imaging / lab / ECG / pathology centre. */
    CENTRE_STAFF,
    /** HIS / EMR vendor or regional platform using the API. */
    INTEGRATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether the role needs resident ID and phone numbers unmasked for its work (S-3). */
    public boolean seesFullIdentifiers() {
        return this == GP || this == SPECIALIST;
    }
}
