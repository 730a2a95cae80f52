package org.medunion.referral.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.ReferralError;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Refuses a referral whose IDs point at nothing, or at things that do not belong together, before anything is
 * written: the institutions must be in the registry, the resident one the sending institution has a care
 * relationship with (contract, own record, a referral or booking it received, break-the-glass), the referring
 * practitioner must work at the sending institution, a named consortium must hold both institutions and a named
 * contract must be the resident's. Each failure is a 400 naming the field and its REFERRAL-00xx code; REST and
 * FHIR create both pass through here because the check sits in the service.
 */
@Component
class ReferenceCheck {

    private final Directory directory;

    ReferenceCheck(Directory directory) {
        this.directory = directory;
    }

    void create(CreateReferral c, @Nullable UUID from) {
        institution(from, "fromInstitutionId");
        if (c.toInstitutionId() != null) {
            institution(c.toInstitutionId(), "toInstitutionId");
        }
        // a care relationship, not mere existence: the same answer for an unknown resident and a foreign one,
        // so the check is no existence oracle and naming a resident in a referral never opens them (issue 10)
        if (!directory.caresFor(from, c.residentId())) {
            throw new InvalidInputException("residentId", ReferralError.NO_RESIDENT, c.residentId());
        }
        if (c.fromPractitionerId() != null) {
            practitionerOf(c.fromPractitionerId(), from, "fromPractitionerId");
        }
        if (c.consortiumId() != null) {
            boolean holdsBoth = directory.consortium(c.consortiumId())
                    .filter(k -> directory.hasMembers(k, from, c.toInstitutionId())).isPresent();
            if (!holdsBoth) {
                throw new InvalidInputException("consortiumId", ReferralError.NOT_CONSORTIUM_OF, c.consortiumId());
            }
        }
        if (c.contractId() != null) {
            boolean residents = directory.contract(c.contractId())
                    .filter(k -> k.residentId().value().equals(c.residentId())).isPresent();
            if (!residents) {
                throw new InvalidInputException("contractId", ReferralError.NOT_CONTRACT_OF, c.contractId());
            }
        }
    }

    void institution(@Nullable UUID id, String field) {
        if (directory.institution(id).isEmpty()) {
            throw new InvalidInputException(field, ReferralError.NO_INSTITUTION, id);
        }
    }

    /** The practitioner exists and works at the institution. */
    void practitionerOf(UUID practitioner, @Nullable UUID institution, String field) {
        boolean works = directory.practitioner(practitioner)
                .filter(p -> p.institutionId() != null && p.institutionId().value().equals(institution)).isPresent();
        if (!works) {
            throw new InvalidInputException(field, ReferralError.NOT_PRACTITIONER_OF, practitioner, institution);
        }
    }
}
