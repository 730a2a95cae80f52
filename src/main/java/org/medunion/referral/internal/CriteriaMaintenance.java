package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralInput.optionalText;
import static org.medunion.referral.internal.ReferralInput.required;
import static org.medunion.referral.internal.ReferralInput.requiredText;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.referral.CriterionView;
import org.medunion.referral.DefineCriterion;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralError;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral criteria (转诊标准): maintained by the consortium office (转诊标准由医联体管理办公室维护), read by
 * every signed-in user, matched by department and ICD-10 prefix for the referring doctor.
 */
@Service
@Transactional
class CriteriaMaintenance {

    private static final Pattern ICD10_PREFIX = Pattern.compile("[A-Z]([0-9]{1,2}(\\.[0-9A-Z]{0,4})?)?");

    private final CriteriaStore criteria;
    private final CurrentUsers users;
    private final Clock clock;

    CriteriaMaintenance(CriteriaStore criteria, CurrentUsers users, Clock clock) {
        this.criteria = criteria;
        this.users = users;
        this.clock = clock;
    }

    List<CriterionView> criteria(@Nullable UUID consortiumId, @Nullable ReferralDirection direction) {
        users.require();
        return criteria.list(required(consortiumId, "consortiumId"), direction);
    }

    List<CriterionView> matching(UUID consortiumId, ReferralDirection direction, @Nullable String department, String diagnosisCode) {
        users.require();
        required(consortiumId, "consortiumId");
        required(direction, "direction");
        String icd = diagnosisCode == null ? null : diagnosisCode.trim().toUpperCase();
        return criteria.list(consortiumId, direction).stream().filter(CriterionView::active)
                .filter(k -> k.department() == null || department == null || k.department().equalsIgnoreCase(department.trim()))
                .filter(k -> k.diagnosisPrefix() == null || icd != null && icd.startsWith(k.diagnosisPrefix()))
                .toList();
    }

    CriterionView define(DefineCriterion c) {
        CurrentUser user = users.require();
        check(c, user);
        return criteria.insert(c, normalisedPrefix(c.diagnosisPrefix()), user.username(), clock.instant());
    }

    CriterionView update(UUID id, long expectedVersion, DefineCriterion c) {
        CurrentUser user = users.require();
        var existing = criteria.find(id).orElseThrow(() -> new NotFoundException("Criterion", id));
        mayMaintain(user, existing.consortiumId());
        check(c, user);
        if (!existing.consortiumId().equals(c.consortiumId())) {
            throw new InvalidInputException("consortiumId", ReferralError.CRITERION_CONSORTIUM_CHANGED);
        }
        return criteria.update(id, expectedVersion, c, normalisedPrefix(c.diagnosisPrefix()));
    }

    void retire(UUID id) {
        CurrentUser user = users.require();
        var existing = criteria.find(id).orElseThrow(() -> new NotFoundException("Criterion", id));
        mayMaintain(user, existing.consortiumId());
        criteria.retire(id);
    }

    private static void check(DefineCriterion c, CurrentUser user) {
        required(c, "body");
        required(c.consortiumId(), "consortiumId");
        mayMaintain(user, c.consortiumId());
        required(c.direction(), "direction");
        requiredText(c.text(), "text", 1000);
        optionalText(c.department(), "department", 100);
        String prefix = normalisedPrefix(c.diagnosisPrefix());
        if (prefix != null && !ICD10_PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException("diagnosisPrefix", ReferralError.INVALID_ICD10, c.diagnosisPrefix());
        }
    }

    private static @Nullable String normalisedPrefix(@Nullable String p) {
        return p == null || p.isBlank() ? null : p.trim().toUpperCase();
    }

    private static void mayMaintain(CurrentUser user, @Nullable UUID consortium) {
        boolean office = user.role() == Role.OFFICE && String.valueOf(consortium).equals(user.scope().reference());
        if (!office && !user.isAdmin()) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CRITERIA");
        }
    }
}
