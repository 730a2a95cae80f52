package org.medunion.registry;

/** 合作协议 / 托管协议 / 章程. */
public enum AgreementType {
    COOPERATION, TRUSTEESHIP, CHARTER
}
