package org.medunion.registry;

/**
 * What a quantified target of an agreement improves (seed 000: "明确共建人才、学科、技术等医疗服务能力提升以及医院管理综合能力提升的
 * 客观要求和具体量化指标"): talent, disciplines, techniques — the service capacity — and hospital management.
 */
public enum TargetArea {
    TALENT, DISCIPLINE, TECHNOLOGY, MANAGEMENT
}
