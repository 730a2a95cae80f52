package org.medunion.registry;

/** The five forms of consortium (glossary.md). */
public enum ConsortiumForm {
    /** 区域医联体 */
    REGIONAL,
    /** 城市医疗集团 */
    URBAN_GROUP,
    /** 县域医共体 */
    COUNTY_COMMUNITY,
    /** 专科联盟 / 专科医联体 / 专病联盟 */
    SPECIALTY_ALLIANCE,
    /** 远程医疗协作网 */
    TELEMEDICINE_NETWORK
}
