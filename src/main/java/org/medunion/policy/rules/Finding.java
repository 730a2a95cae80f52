package org.medunion.policy.rules;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One result of a rule: a violation (OPEN), a let-through violation (OVERRIDDEN) or a check the platform
 * cannot make (NO_DATA).
 *
 * @param aspect     which part of the rule (e.g. {@code count}, {@code term}); part of the finding's identity
 * @param messageKey bundle key of the localised message ({@code policy.finding.SH-3.count})
 * @param args       message arguments (names and numbers)
 * @param evidence   the objects and numbers, e.g. {@code 310105 长宁区: A, B, C = 3 > 2}
 * @param objects    references of the objects involved ({@code Organization/…}, {@code Practitioner/…})
 * @param related    IDs of every registry object involved, to match a change against the finding
 */
public record Finding(String ruleId, Severity severity, FindingStatus status, Subject subject, String aspect,
                      String messageKey, List<String> args, String evidence, List<String> objects, Set<UUID> related) {

    /** Identity across evaluations: the same key in two runs is the same finding. */
    public String key() {
        return ruleId + "|" + subject.ref() + "|" + aspect;
    }

    public Finding withStatus(FindingStatus newStatus) {
        return new Finding(ruleId, severity, newStatus, subject, aspect, messageKey, args, evidence, objects, related);
    }
}
