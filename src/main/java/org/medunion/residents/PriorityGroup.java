package org.medunion.residents;

/**
 * 重点人群 of a family-doctor contract. {@link #ELDERLY} (65 and over) and {@link #CHILD} (0–6) are derived
 * from the birth date when a contract is signed; the others are declared.
 */
public enum PriorityGroup {

    ELDERLY, PREGNANT, CHILD, DISABLED, HYPERTENSION, DIABETES, POVERTY;

    /** Whether the group follows from the birth date alone. */
    public boolean derivedFromAge() {
        return this == ELDERLY || this == CHILD;
    }
}
