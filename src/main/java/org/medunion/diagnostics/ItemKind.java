package org.medunion.diagnostics;

/** What a catalogue item is (NAT-R-1): 检验 (lab data) or 检查 (imaging, ECG) or pathology. */
public enum ItemKind {
    LAB, IMAGING, ECG, PATHOLOGY
}
