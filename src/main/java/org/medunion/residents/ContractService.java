package org.medunion.residents;

/** Services agreed in a family-doctor contract (签约服务包). */
public enum ContractService {
    /** 基本公共卫生服务 */
    BASIC_PUBLIC_HEALTH,
    /** 健康评估 / 年度体检 */
    HEALTH_ASSESSMENT,
    /** 慢病随访管理 */
    CHRONIC_DISEASE_FOLLOW_UP,
    /** 长处方 / 延伸处方 */
    LONG_PRESCRIPTION,
    /** 优先转诊 (优先就诊、优先检查、优先住院) */
    PRIORITY_REFERRAL,
    /** 上门服务 / 家庭病床 */
    HOME_VISIT,
    /** 健康咨询 */
    HEALTH_CONSULTATION,
    /** 孕产妇与儿童保健 */
    MATERNAL_CHILD_CARE
}
