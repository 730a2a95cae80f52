package org.medunion.consultation.internal;

import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationId;
import org.medunion.identity.CurrentUser;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.NotFoundException;
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
        Consultation c = store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id));
        if (!access.canSee(user, c)) {
            throw new NotFoundException(OBJECT, id);
        }
        return c;
    }

    Consultation actable(ConsultationId id, CurrentUser user, ConsultationAction action) {
        Consultation c = visible(id, user);
        if (!access.mayAct(user, c, action)) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, action.name());
        }
        return c;
    }
}
