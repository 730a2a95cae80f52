package org.medunion.referral.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralWorkflow;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Which buttons the console shows on a referral: the manual actions legal in its status (the transition table)
 * that the caller's side may take (docs/referral.md "Who may act"). The service checks both again on the action.
 */
@Component
class ActionChoices {

    private final ReferralStore store;
    private final CurrentUsers users;
    private final ReferralAccess access;

    ActionChoices(ReferralStore store, CurrentUsers users, ReferralAccess access) {
        this.access = access;
        this.store = store;
        this.users = users;
    }

    Set<ReferralAction> allowed(ReferralId id) {
        CurrentUser user = users.require();
        Referral r = store.find(id.value()).filter(x -> access.canSee(user, x))
                .orElseThrow(() -> new NotFoundException("Referral", id));
        Set<ReferralAction> out = EnumSet.noneOf(ReferralAction.class);
        ReferralWorkflow.table().getOrDefault(r.status(), Map.of()).keySet().stream()
                .filter(ReferralAction::isManual)
                .filter(a -> access.mayAct(user, r, a))
                .forEach(out::add);
        return out;
    }
}
