package org.medunion.registry;

/** NN-6: a group formed with one legal representative, by trusteeship, or by cooperation agreement only. */
public enum GovernanceType {
    SINGLE_LEGAL_REPRESENTATIVE, TRUSTEESHIP, COOPERATION
}
