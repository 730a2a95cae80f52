package org.medunion.registry;

/** 牵头 / 成员 / 技术支持 / 协作. */
public enum MembershipRole {
    LEAD, MEMBER, TECHNICAL_SUPPORT, COLLABORATOR
}
