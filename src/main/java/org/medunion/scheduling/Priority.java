package org.medunion.scheduling;

/** 优先就诊、优先检查、优先住院 — priority service for contracted residents (CQ-6, SH-15). */
public enum Priority {
    PRIORITY_VISIT, PRIORITY_EXAM, PRIORITY_ADMISSION
}
