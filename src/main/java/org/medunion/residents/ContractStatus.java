package org.medunion.residents;

/**
 * State of a family-doctor contract. A renewed contract keeps its period and status {@link #RENEWED}; its
 * successor starts the day after it ends. Only {@link #ACTIVE} and {@link #RENEWED} contracts cover dates.
 */
public enum ContractStatus {
    ACTIVE, RENEWED, ENDED
}
