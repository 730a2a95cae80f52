package org.medunion.diagnostics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ReportStudy;
import org.medunion.shared.InvalidInputException;

/**
 * The imaging study a PACS sends with a report (decision 0238), checked before anything is written: a DICOM Study
 * Instance UID (PS3.5 9.1: digit components separated by dots, no leading zero, at most 64 characters), modalities as
 * DICOM codes (upper-case letters and digits), numbers of series and instances not negative and no more series than
 * instances. Errors name {@code study.<field>}.
 */
final class Studies {

    private static final Pattern UID = Pattern.compile("(0|[1-9]\\d*)(\\.(0|[1-9]\\d*))+");
    private static final Pattern MODALITY = Pattern.compile("[A-Z][A-Z0-9]{1,15}");
    private static final int MAX_UID = 64;
    private static final int MAX_MODALITIES = 100;

    private Studies() {
    }

    static @Nullable ReportStudy checked(@Nullable ReportStudy study) {
        if (study == null) {
            return null;
        }
        String uid = Required.of(study.uid(), "study.uid").strip();
        if (uid.length() > MAX_UID || !UID.matcher(uid).matches()) {
            throw new InvalidInputException("study.uid", DiagnosticsError.STUDY_UID_INVALID, uid);
        }
        var modalities = new ArrayList<String>();
        for (String m : study.modalities()) {
            String code = m == null ? "" : m.strip();
            if (!MODALITY.matcher(code).matches()) {
                throw new InvalidInputException("study.modality", "request.unknownValue", code, "CT, MR, CR, DX, US, …");
            }
            if (!modalities.contains(code)) {
                modalities.add(code);
            }
        }
        if (String.join(",", modalities).length() > MAX_MODALITIES) {
            throw new InvalidInputException("study.modality", DiagnosticsError.TEXT_TOO_LONG, MAX_MODALITIES);
        }
        Integer series = study.series();
        Integer instances = study.instances();
        if (series != null && series < 0) {
            throw new InvalidInputException("study.series", DiagnosticsError.STUDY_COUNT_INVALID, series);
        }
        if (instances != null && (instances < 0 || series != null && instances < series)) {
            throw new InvalidInputException("study.instances", DiagnosticsError.STUDY_COUNT_INVALID, instances);
        }
        return new ReportStudy(uid, List.copyOf(modalities), study.started(), series, instances);
    }
}
