package org.medunion.referral.internal;

import org.medunion.identity.CurrentUser;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralId;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.ScopedLookup;
import org.springframework.stereotype.Component;

/** Loads a referral for the caller: one they may not see is "not found", one they may not act on is 403. */
@Component
class ReferralLookup {

    static final String OBJECT = "Referral";

    private final ReferralStore store;
    private final ReferralAccess access;

    ReferralLookup(ReferralStore store, ReferralAccess access) {
        this.store = store;
        this.access = access;
    }

    Referral visible(ReferralId id, CurrentUser user) {
        ReferralInput.required(id, "id");
        return ScopedLookup.visible(store.find(id.value()), r -> access.canSee(user, r), OBJECT, id);
    }

    Referral actable(ReferralId id, CurrentUser user, ReferralAction action) {
        return ScopedLookup.actable(visible(id, user), r -> access.mayAct(user, r, action), ReferralError.WRONG_SIDE,
                action.name());
    }

    /** Without a caller (the system's own commands): only whether it exists. */
    Referral existing(ReferralId id) {
        ReferralInput.required(id, "id");
        return store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id));
    }
}
