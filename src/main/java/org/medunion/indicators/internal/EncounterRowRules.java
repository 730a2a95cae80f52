package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IngestReport.RowError;

/**
 * The checks of one encounter record that need nothing but the record: the source record id's shape, the diagnosis
 * code, and what belongs to inpatient stays only. {@link EncounterIngest} adds those that need the registry, the caller
 * and the other rows (institution, right to submit, duplicates, times in the future).
 */
final class EncounterRowRules {

    private static final Pattern SOURCE_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}[0-9A-Z.+]{0,8}");
    /** A DRG group code: CHS-DRG's four characters (MDC letter, ADRG letter, two digits, e.g. FM19) or a local variant. */
    private static final Pattern DRG_GROUP = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("100");

    private EncounterRowRules() {
    }

    /** A source record id: 1–64 letters, digits and {@code . _ : / -}. */
    static boolean sourceId(String id) {
        return SOURCE_ID.matcher(id).matches();
    }

    /** The diagnosis code and the kind's own rules; each failure added to {@code errors} with its row. */
    static void check(EncounterRecord r, int row, List<RowError> errors) {
        if (r.principalDiagnosis() != null && !ICD10.matcher(r.principalDiagnosis()).matches()) {
            errors.add(new RowError(row, "principalDiagnosis", "format"));
        }
        checkKind(r, row, errors);
    }

    /** Admission, operations and the DRG weight and group belong to inpatient stays only. */
    private static void checkKind(EncounterRecord r, int row, List<RowError> errors) {
        if (r.kind() == EncounterKind.INPATIENT) {
            if (r.admittedAt() == null) {
                errors.add(new RowError(row, "admittedAt", "required"));
            } else if (r.admittedAt().isAfter(r.occurredAt())) {
                errors.add(new RowError(row, "admittedAt", "order"));
            }
            if (r.drgWeight() != null && (r.drgWeight().signum() <= 0 || r.drgWeight().compareTo(MAX_WEIGHT) > 0)) {
                errors.add(new RowError(row, "drgWeight", "range"));
            }
            if (r.drgGroup() != null && !DRG_GROUP.matcher(r.drgGroup()).matches()) {
                errors.add(new RowError(row, "drgGroup", "format"));
            }
            if (r.operationLevels().stream().anyMatch(l -> l < 1 || l > 4)) {
                errors.add(new RowError(row, "operationLevels", "range"));
            }
        } else {
            if (r.admittedAt() != null) {
                errors.add(new RowError(row, "admittedAt", "notAllowed"));
            }
            if (r.drgWeight() != null) {
                errors.add(new RowError(row, "drgWeight", "notAllowed"));
            }
            if (r.drgGroup() != null) {
                errors.add(new RowError(row, "drgGroup", "notAllowed"));
            }
            if (!r.operationLevels().isEmpty()) {
                errors.add(new RowError(row, "operationLevels", "notAllowed"));
            }
        }
    }

}
