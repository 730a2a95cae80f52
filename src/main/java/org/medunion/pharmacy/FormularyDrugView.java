package org.medunion.pharmacy;

/**
 * One drug of the consortium formulary (data file {@code pharmacy/formulary.csv}, docs/pharmacy.md).
 *
 * @param group             therapeutic group used for duplication checks (e.g. CCB, STATIN)
 * @param essential         基本药物
 * @param negotiated        国家医保谈判药品
 * @param volumeProcurement 集采药品
 * @param chronicUse        commonly used for chronic diseases (long prescriptions)
 */
public record FormularyDrugView(String code, String name, String englishName, String dosageForm, String strength, String route,
                                String doseUnit, String group, boolean essential, boolean negotiated, boolean volumeProcurement,
                                ControlClass control, boolean antimicrobial, boolean specialStorage, boolean chronicUse,
                                boolean controlledRelease, boolean injection, DrugCategory category) {
}
