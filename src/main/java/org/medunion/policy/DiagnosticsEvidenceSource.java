package org.medunion.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Extension point for the rules whose data the diagnostics module holds (NAT-9's shared centres and recognition, NN-9's
 * public hospitals taking part in recognition): counts only, no personal data. The diagnostics module implements it (the
 * policy module cannot depend on diagnostics, which reads its thresholds from policy); without an implementation those
 * rules judge from the registry alone and report NO_DATA where it says nothing.
 */
public interface DiagnosticsEvidenceSource {

    /** The types of shared centre (LAB, IMAGING, ECG, PATHOLOGY, STERILISATION, GENERAL) each consortium registered. */
    Map<UUID, Set<String>> centreTypes();

    /** Recognitions of earlier results made at order entry by each institution over local days {@code from} … {@code to}, both inclusive. */
    Map<UUID, Long> recognitions(LocalDate from, LocalDate to);
}
