package org.medunion.policy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an assessment of a consortium (the indicators module's assessment cycle, decision 0240) freezes from policy: the
 * rule packs in force for its district, each with a version, and the national checklist NAT-1…NAT-15 evaluated now.
 * Unscoped: the calling module checks who may read the consortium; neither reading holds anything personal.
 */
public interface PolicyReadings {

    /** The packs a jurisdiction covering the division applies, and the packs that bind every division (RX), in pack order. */
    List<PackVersion> packsInForce(String divisionCode);

    /** NAT-1…NAT-15 of the consortium as the platform's data show them now, texts in {@code locale}; empty for an unknown id. */
    List<CriterionReading> nationalChecklist(UUID consortiumId, Locale locale);

    /**
     * One pack as it stands for a division. The catalogue carries no release numbers, so the version is the content:
     * two readings with the same version judged by the same rules, clauses and numbers.
     *
     * @param pack       SH, NN, NAT, RX …
     * @param version    the first 12 hex digits of SHA-256 over the pack's rules (id and clause) and their parameter
     *                   values in force for the division
     * @param parameters those values, {@code NN-9.lengthOfStay=7.5; …} (empty when the pack's rules have none)
     * @param changedAt  the newest parameter override in force for the division; null when the seeds' defaults hold
     */
    record PackVersion(String pack, String version, String parameters, @Nullable Instant changedAt) {
    }

    /**
     * @param criterion      NAT-1 … NAT-15
     * @param area           the standard's dimension (责权协同, 资源协同, 业务协同, 机制协同) in the locale
     * @param status         MET, NOT_MET, NO_DATA, or MANUAL (no platform data, manual evidence recorded)
     * @param evidence       what the platform's data show, in the locale
     * @param manualEvidence the texts the office or planner recorded for it, newest first
     * @param tightGroup     whether the consortium is a tight urban medical group (else the standard is informative)
     */
    record CriterionReading(String criterion, String area, String title, String status, String evidence,
                            List<String> manualEvidence, boolean tightGroup) {
    }
}
