package org.medunion.diagnostics;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Why a result is not recognised (diagnostics.md B5, NAT-R-5): codes 01–08, free text required for 07 and 08; 98 and
 * 99 are recorded but not counted as non-recognition.
 */
public enum ReexaminationReason {

    CONDITION_CHANGED("01"),
    CHANGES_FAST("02"),
    CRUCIAL_FOR_TREATMENT("03"),
    EMERGENCY("04"),
    APPRAISAL("05"),
    QUALIFIED_LAB_REQUIRED("06"),
    PHYSICIAN_JUDGES("07"),
    OTHER("08"),
    IMAGES_UNAVAILABLE("98"),
    SERIAL_MONITORING("99");

    private final String code;

    ReexaminationReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** 98 and 99 are not counted as 不互认. */
    public boolean countsAsNonRecognition() {
        return this != IMAGES_UNAVAILABLE && this != SERIAL_MONITORING;
    }

    /** Of re-examinations counted by reason code, the ones that count as 不互认 (an unknown code counts). */
    public static long nonRecognitions(Map<String, Long> byReason) {
        return byReason.entrySet().stream().filter(e -> ofCode(e.getKey()).map(ReexaminationReason::countsAsNonRecognition).orElse(true))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public static Optional<ReexaminationReason> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
