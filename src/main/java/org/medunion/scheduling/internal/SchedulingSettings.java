package org.medunion.scheduling.internal;

import java.time.Duration;
import org.medunion.scheduling.ReservedShare;
import org.medunion.scheduling.ScheduleKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The jurisdiction's scheduling parameters (NN-4 defaults: 1/3 of outpatient slots, 1/4 of beds):
 * {@code medunion.scheduling.reserve.outpatient}, {@code .beds}, {@code .exam} and
 * {@code medunion.scheduling.release-lead-time}.
 */
@Component
class SchedulingSettings {

    private final ReservedShare outpatient;
    private final ReservedShare beds;
    private final ReservedShare exam;
    private final Duration releaseLeadTime;

    SchedulingSettings(@Value("${medunion.scheduling.reserve.outpatient:1/3}") String outpatient,
                       @Value("${medunion.scheduling.reserve.beds:1/4}") String beds,
                       @Value("${medunion.scheduling.reserve.exam:1/3}") String exam,
                       @Value("${medunion.scheduling.release-lead-time:PT24H}") Duration releaseLeadTime) {
        this.outpatient = ReservedShare.parse(outpatient, "medunion.scheduling.reserve.outpatient");
        this.beds = ReservedShare.parse(beds, "medunion.scheduling.reserve.beds");
        this.exam = ReservedShare.parse(exam, "medunion.scheduling.reserve.exam");
        this.releaseLeadTime = releaseLeadTime;
    }

    /** The minimum (and default) reserved share for a kind (NN-4). */
    ReservedShare minimumShare(ScheduleKind kind) {
        return switch (kind) {
            case OUTPATIENT_EXPERT, OUTPATIENT_SPECIALTY -> outpatient;
            case INPATIENT_BED -> beds;
            case EXAM -> exam;
        };
    }

    ReservedShare outpatient() {
        return outpatient;
    }

    ReservedShare beds() {
        return beds;
    }

    Duration releaseLeadTime() {
        return releaseLeadTime;
    }
}
