package org.medunion.policy;

import org.medunion.registry.ConsortiumForm;

/**
 * CQ-3 — the plaque (牌子) a member may add per consortium form: "××医疗集团医院", "××医院医共体医院",
 * "××专科联盟医院", "××医院远程协作医院". It is not a second registered name, so the registry never stores it
 * as the institution's name; CQ-3 reports an institution whose registered name is such a plaque.
 */
public final class PlaqueNames {

    private PlaqueNames() {
    }

    /**
     * The plaque text for members of a consortium.
     *
     * @param form           the consortium's form
     * @param consortiumName e.g. 重庆医科大学附属第一医院医疗集团
     * @param leadName       the lead institution's name, e.g. 綦江区人民医院
     */
    public static String plaqueFor(ConsortiumForm form, String consortiumName, String leadName) {
        return switch (form) {
            case URBAN_GROUP, REGIONAL -> stem(consortiumName, "医疗集团", leadName) + "医疗集团医院";
            case COUNTY_COMMUNITY -> hospitalName(leadName, consortiumName) + "医共体医院";
            case SPECIALTY_ALLIANCE -> stem(consortiumName, "专科联盟", leadName) + "专科联盟医院";
            case TELEMEDICINE_NETWORK -> hospitalName(leadName, consortiumName) + "远程协作医院";
        };
    }

    /** The plaque suffixes; a registered name ending in one is a plaque used as a name (CQ-3). */
    public static boolean looksLikePlaque(String institutionName) {
        return institutionName != null && (institutionName.endsWith("医疗集团医院") || institutionName.endsWith("医共体医院")
                || institutionName.endsWith("专科联盟医院") || institutionName.endsWith("远程协作医院"));
    }

    private static String stem(String consortiumName, String formWord, String fallback) {
        String name = consortiumName == null || consortiumName.isBlank() ? fallback : consortiumName.strip();
        int i = name.lastIndexOf(formWord);
        return i > 0 ? name.substring(0, i) : name;
    }

    private static String hospitalName(String leadName, String fallback) {
        String name = leadName == null || leadName.isBlank() ? fallback : leadName.strip();
        return name.endsWith("医院") ? name : name + "医院";
    }
}
