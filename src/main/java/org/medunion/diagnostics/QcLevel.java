package org.medunion.diagnostics;

/** Who ran the quality assessment an institution passed for an item (NAT-R-2): its level. */
public enum QcLevel {
    NATIONAL, PROVINCIAL, PREFECTURE, CONSORTIUM
}
