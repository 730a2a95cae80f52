package org.medunion.registry;

/** 派驻管理人员 / 派驻临床专家. */
public enum DispatchKind {
    MANAGER, EXPERT
}
