package org.medunion.referral.internal;

import org.medunion.identity.CurrentUser;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralId;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.NotFoundException;
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
        Referral r = store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id));
        if (!access.canSee(user, r)) {
            throw new NotFoundException(OBJECT, id);
        }
        return r;
    }

    Referral actable(ReferralId id, CurrentUser user, ReferralAction action) {
        Referral r = visible(id, user);
        if (!access.mayAct(user, r, action)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, action.name());
        }
        return r;
    }

    /** Without a caller (the system's own commands): only whether it exists. */
    Referral existing(ReferralId id) {
        ReferralInput.required(id, "id");
        return store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id));
    }
}
