package org.medunion.registry;

/** A practitioner's profession; SH-8 relaxes title requirements for nurses and technicians. */
public enum Profession {
    PHYSICIAN, NURSE, TECHNICIAN, PHARMACIST, MANAGER
}
