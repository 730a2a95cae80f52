package org.medunion.registry;

/** 医院等级 — 一级 / 二级 / 三级, or not rated (primary institutions, nursing homes). */
public enum HospitalLevel {
    PRIMARY, SECONDARY, TERTIARY, UNRATED
}
