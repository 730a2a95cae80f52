package org.medunion.policy.rules;

/** A NAT criterion's assessment of one tight group from platform data: status and the evidence it rests on. */
public record Assessment(CriterionStatus status, String evidence) {

    static Assessment met(String evidence) {
        return new Assessment(CriterionStatus.MET, evidence);
    }

    static Assessment notMet(String evidence) {
        return new Assessment(CriterionStatus.NOT_MET, evidence);
    }

    static Assessment noData(String evidence) {
        return new Assessment(CriterionStatus.NO_DATA, evidence);
    }
}
