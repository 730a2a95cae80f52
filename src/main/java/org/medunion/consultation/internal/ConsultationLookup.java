package org.medunion.consultation.internal;

import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationId;
import org.medunion.identity.CurrentUser;
import org.medunion.shared.ScopedLookup;
import org.springframework.stereotype.Component;

/** Loads a consultation for the caller: one they may not see is "not found", one they may not act on is 403. */
@Component
class ConsultationLookup {

    static final String OBJECT = "Consultation";

    private final ConsultationStore store;
    private final ConsultationAccess access;

    ConsultationLookup(ConsultationStore store, ConsultationAccess access) {
        this.store = store;
        this.access = access;
    }

    Consultation visible(ConsultationId id, CurrentUser user) {
        ConsultationInput.required(id, "id");
        return ScopedLookup.visible(store.find(id.value()), c -> access.canSee(user, c), OBJECT, id);
    }

    Consultation actable(ConsultationId id, CurrentUser user, ConsultationAction action) {
        return ScopedLookup.actable(visible(id, user), c -> access.mayAct(user, c, action), ConsultationError.WRONG_SIDE,
                action.name());
    }
}
