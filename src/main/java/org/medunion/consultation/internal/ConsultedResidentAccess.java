package org.medunion.consultation.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.springframework.stereotype.Component;

/**
 * An open consultation the institution was invited to is a care relationship with the resident while it stays open
 * (anchor A2: access follows the open consultation, not a form field). Requesting one grants nothing: the inviting
 * side needed a relationship to name the resident in the first place.
 */
@Component
class ConsultedResidentAccess implements ResidentAccessExtension {

    private final ConsultationStore store;

    ConsultedResidentAccess(ConsultationStore store) {
        this.store = store;
    }

    @Override
    public Optional<CareRelationship> relationship(@Nullable InstitutionId institution, @Nullable ResidentId resident) {
        if (institution == null || resident == null) {
            return Optional.empty();
        }
        return store.openFor(institution.value(), resident.value()) ? Optional.of(CareRelationship.REFERRAL_RECEIVED)
                : Optional.empty();
    }
}
