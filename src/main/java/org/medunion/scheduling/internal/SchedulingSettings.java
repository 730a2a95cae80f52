package org.medunion.scheduling.internal;

import java.time.Duration;
import java.util.Optional;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.scheduling.ReservedShare;
import org.medunion.scheduling.ScheduleKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reserved shares of a hospital's schedules. The NN-4 shares (outpatient slots, inpatient beds) are the policy
 * module's parameters for the hospital's district — seed default or the jurisdiction's override — and are enforced
 * as a minimum only where a jurisdiction applies the NN pack (rules.md interpretation notes: one source of truth, no
 * copy here). No seed sets an exam share: {@code medunion.scheduling.reserve.exam} is only the default proposal, never
 * a minimum. {@code medunion.scheduling.release-lead-time} is operational.
 */
@Component
class SchedulingSettings {

    private static final String NN4 = "NN-4";
    private static final ReservedShare NONE = new ReservedShare(0, 1);

    private final PolicyThresholds thresholds;
    private final RegistryManagement registry;
    private final ReservedShare exam;
    private final Duration releaseLeadTime;

    SchedulingSettings(PolicyThresholds thresholds, RegistryManagement registry,
                       @Value("${medunion.scheduling.reserve.exam:1/3}") String exam,
                       @Value("${medunion.scheduling.release-lead-time:PT24H}") Duration releaseLeadTime) {
        this.thresholds = thresholds;
        this.registry = registry;
        this.exam = ReservedShare.parse(exam, "medunion.scheduling.reserve.exam");
        this.releaseLeadTime = releaseLeadTime;
    }

    /** The enforced minimum share for a kind at a hospital: NN-4 where its pack applies, none otherwise. */
    ReservedShare minimumShare(ScheduleKind kind, InstitutionId institution) {
        return nn4(kind, institution).filter(PolicyThresholds.Threshold::applies)
                .map(t -> ReservedShare.parse(t.value(), NN4 + "." + t.parameter())).orElse(NONE);
    }

    /**
     * The share proposed when a schedule names none: the NN-4 value (enforced or not); the exam default for exams; none
     * for an expert's consultation slots, which no pack reserves (decision 0255).
     */
    ReservedShare defaultShare(ScheduleKind kind, InstitutionId institution) {
        return nn4(kind, institution).map(t -> ReservedShare.parse(t.value(), NN4 + "." + t.parameter()))
                .orElse(kind == ScheduleKind.CONSULTATION ? NONE : exam);
    }

    ReservedShare outpatient(InstitutionId institution) {
        return minimumShare(ScheduleKind.OUTPATIENT_EXPERT, institution);
    }

    ReservedShare beds(InstitutionId institution) {
        return minimumShare(ScheduleKind.INPATIENT_BED, institution);
    }

    /** The NN-4 clause a refused schedule cites: the policy module's text, not a copy. */
    String nn4Clause() {
        return thresholds.clause(NN4);
    }

    Duration releaseLeadTime() {
        return releaseLeadTime;
    }

    private Optional<PolicyThresholds.Threshold> nn4(ScheduleKind kind, InstitutionId institution) {
        String parameter = switch (kind) {
            case OUTPATIENT_EXPERT, OUTPATIENT_SPECIALTY -> "slots";
            case INPATIENT_BED -> "beds";
            case EXAM, CONSULTATION -> null;
        };
        if (parameter == null) {
            return Optional.empty();
        }
        String district = registry.institutionEntry(institution).map(InstitutionView::districtCode).orElse(null);
        return Optional.of(thresholds.threshold(NN4, parameter, district));
    }
}
