package org.medunion.registry;

/** 新建 / 调整 / 撤销 of a consortium relation (SH-10). */
public enum ChangeType {
    CREATION, ADJUSTMENT, DISSOLUTION
}
