package org.medunion.pharmacy;

/** Special-control class of a drug (处方管理办法 §23, 长期处方 exclusions). */
public enum ControlClass {
    NONE, NARCOTIC, PSYCHOTROPIC_1, PSYCHOTROPIC_2, TOXIC, RADIOACTIVE, PRECURSOR
}
