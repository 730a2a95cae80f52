package org.medunion.registry.web;

import static org.medunion.shared.web.FormValues.blankToNull;
import static org.medunion.shared.web.FormValues.date;
import static org.medunion.shared.web.FormValues.enumValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AgreementTarget;
import org.medunion.registry.AgreementType;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.TargetArea;
import org.medunion.shared.InvalidInputException;

/**
 * The record-agreement form of a consortium's page as typed: the sections SH-6 asks for, the managers' duties
 * (SH-7) and up to {@link #TARGET_ROWS} quantified targets (SH-17), one row each; a row left blank is no target.
 */
class AgreementForm {

    /** Target rows the form offers. */
    static final int TARGET_ROWS = 4;

    private @Nullable String type;
    private @Nullable String title;
    private List<String> parties = new ArrayList<>();
    private @Nullable String termStart;
    private @Nullable String termEnd;
    private @Nullable String signedOn;
    private @Nullable String responsibilities;
    private @Nullable String rights;
    private @Nullable String benefits;
    private @Nullable String benefitSharing;
    private @Nullable String managerDuties;
    private List<String> targetArea = blanks();
    private List<String> targetIndicator = blanks();
    private List<String> targetValue = blanks();
    private List<String> targetUnit = blanks();
    private List<String> targetDueBy = blanks();
    private @Nullable String overrideReason;

    private static List<String> blanks() {
        return blanksOf(TARGET_ROWS);
    }

    /** The command, the override reason as the caller may give it; a field that does not parse names itself. */
    RecordAgreement command(@Nullable String override) {
        List<InstitutionId> ids = parties == null ? List.of()
                : parties.stream().filter(p -> blankToNull(p) != null).map(InstitutionConsoleController::parse).toList();
        return new RecordAgreement(enumValue(AgreementType.class, "type", type), title, ids, date("termStart", termStart),
                date("termEnd", termEnd), date("signedOn", signedOn), responsibilities, rights, benefits, benefitSharing,
                managerDuties, targets(), override);
    }

    private List<AgreementTarget> targets() {
        List<AgreementTarget> out = new ArrayList<>();
        int rows = Math.max(Math.max(size(targetArea), size(targetIndicator)), Math.max(size(targetValue), size(targetDueBy)));
        for (int i = 0; i < rows; i++) {
            String area = at(targetArea, i);
            String indicator = at(targetIndicator, i);
            String value = at(targetValue, i);
            String unit = at(targetUnit, i);
            String due = at(targetDueBy, i);
            if (area == null && indicator == null && value == null && unit == null && due == null) {
                continue;
            }
            String field = "targets[" + out.size() + "]";
            out.add(new AgreementTarget(enumValue(TargetArea.class, field + ".area", area), indicator, number(field + ".value", value),
                    unit, date(field + ".dueBy", due)));
        }
        return out;
    }

    /**
     * The target rows with the blank ones moved to the end, so that row {@code k} of the re-shown form is target
     * {@code k} of the command and an error naming {@code targets[k]} shows next to it.
     */
    void compactTargets() {
        int rows = Math.max(Math.max(size(targetArea), size(targetIndicator)), Math.max(size(targetValue), size(targetDueBy)));
        List<List<String>> columns = List.of(blanksOf(rows), blanksOf(rows), blanksOf(rows), blanksOf(rows), blanksOf(rows));
        int k = 0;
        for (int i = 0; i < rows; i++) {
            String[] row = {at(targetArea, i), at(targetIndicator, i), at(targetValue, i), at(targetUnit, i), at(targetDueBy, i)};
            if (Arrays.stream(row).allMatch(Objects::isNull)) {
                continue;
            }
            for (int c = 0; c < row.length; c++) {
                columns.get(c).set(k, row[c] == null ? "" : row[c]);
            }
            k++;
        }
        targetArea = columns.get(0);
        targetIndicator = columns.get(1);
        targetValue = columns.get(2);
        targetUnit = columns.get(3);
        targetDueBy = columns.get(4);
    }

    private static List<String> blanksOf(int n) {
        return new ArrayList<>(Collections.nCopies(Math.max(n, TARGET_ROWS), ""));
    }

    private static @Nullable BigDecimal number(String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "request.wrongType", value, "number");
        }
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static @Nullable String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : blankToNull(values.get(i));
    }

    public @Nullable String getType() {
        return type;
    }
    public void setType(String v) {
        type = v;
    }
    public @Nullable String getTitle() {
        return title;
    }
    public void setTitle(String v) {
        title = v;
    }
    public List<String> getParties() {
        return parties;
    }
    public void setParties(List<String> v) {
        parties = v;
    }
    public @Nullable String getTermStart() {
        return termStart;
    }
    public void setTermStart(String v) {
        termStart = v;
    }
    public @Nullable String getTermEnd() {
        return termEnd;
    }
    public void setTermEnd(String v) {
        termEnd = v;
    }
    public @Nullable String getSignedOn() {
        return signedOn;
    }
    public void setSignedOn(String v) {
        signedOn = v;
    }
    public @Nullable String getResponsibilities() {
        return responsibilities;
    }
    public void setResponsibilities(String v) {
        responsibilities = v;
    }
    public @Nullable String getRights() {
        return rights;
    }
    public void setRights(String v) {
        rights = v;
    }
    public @Nullable String getBenefits() {
        return benefits;
    }
    public void setBenefits(String v) {
        benefits = v;
    }
    public @Nullable String getBenefitSharing() {
        return benefitSharing;
    }
    public void setBenefitSharing(String v) {
        benefitSharing = v;
    }
    public @Nullable String getManagerDuties() {
        return managerDuties;
    }
    public void setManagerDuties(String v) {
        managerDuties = v;
    }
    public List<String> getTargetArea() {
        return targetArea;
    }
    public void setTargetArea(List<String> v) {
        targetArea = v;
    }
    public List<String> getTargetIndicator() {
        return targetIndicator;
    }
    public void setTargetIndicator(List<String> v) {
        targetIndicator = v;
    }
    public List<String> getTargetValue() {
        return targetValue;
    }
    public void setTargetValue(List<String> v) {
        targetValue = v;
    }
    public List<String> getTargetUnit() {
        return targetUnit;
    }
    public void setTargetUnit(List<String> v) {
        targetUnit = v;
    }
    public List<String> getTargetDueBy() {
        return targetDueBy;
    }
    public void setTargetDueBy(List<String> v) {
        targetDueBy = v;
    }
    public @Nullable String getOverrideReason() {
        return overrideReason;
    }
    public void setOverrideReason(String v) {
        overrideReason = v;
    }
}
