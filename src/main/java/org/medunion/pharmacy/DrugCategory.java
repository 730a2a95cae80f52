package org.medunion.pharmacy;

/** Western medicine, Chinese patent medicine (中成药), decoction pieces (中药饮片, RX-3: their own prescription). */
public enum DrugCategory {
    WESTERN, PATENT, DECOCTION
}
