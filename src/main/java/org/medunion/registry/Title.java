package org.medunion.registry;

/**
 * Professional title rank (职称). For physicians: 住院医师 / 主治医师 / 副主任医师 / 主任医师; nurses,
 * technicians and pharmacists have the same four ranks under other names.
 */
public enum Title {

    RESIDENT, ATTENDING, ASSOCIATE_CHIEF, CHIEF;

    public boolean atLeast(Title other) {
        return compareTo(other) >= 0;
    }
}
