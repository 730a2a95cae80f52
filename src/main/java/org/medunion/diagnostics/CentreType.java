package org.medunion.diagnostics;

/** The shared centre types of SC-1 (NAT-9, NN): lab, imaging, ECG, pathology, sterilisation, generic 检查检验中心. */
public enum CentreType {
    LAB, IMAGING, ECG, PATHOLOGY, STERILISATION, GENERAL
}
