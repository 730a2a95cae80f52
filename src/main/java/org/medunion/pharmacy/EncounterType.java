package org.medunion.pharmacy;

/** Where the prescription is written: RX-1 limits outpatient and emergency; RX-13 online (互联网诊疗). */
public enum EncounterType {
    OUTPATIENT, EMERGENCY, INTERNET
}
