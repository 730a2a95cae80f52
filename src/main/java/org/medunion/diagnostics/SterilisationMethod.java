package org.medunion.diagnostics;

/** How a sterile pack is sterilised (SC-7): 压力蒸汽, 低温等离子, 环氧乙烷, 干热. */
public enum SterilisationMethod {
    STEAM, LOW_TEMPERATURE_PLASMA, ETHYLENE_OXIDE, DRY_HEAT
}
