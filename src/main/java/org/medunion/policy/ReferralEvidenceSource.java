package org.medunion.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Extension point for the rules whose data the referral module holds (SH-15, CQ-6, CN-1, CN-3, CN-4, NAT-12):
 * routing tables, criteria and aggregate referral counts — no personal data. The referral module implements it
 * (the policy module cannot depend on referral, which depends on scheduling, which reads policy); without an
 * implementation those rules report NO_DATA.
 */
public interface ReferralEvidenceSource {

    /** Everything in one read per evaluation (one evaluation covers the whole city). */
    ReferralEvidence evidence();

    /**
     * @param referralsBySender     referrals ever created, by sending institution (CN-1: the platform in use)
     * @param priorityDue           upward referrals that carry the contracted resident's priority (sent by the contract's
     *                              primary institution) and have been decided — accepted, rejected or expired — by sender
     * @param priorityHonoured      of those, the ones accepted with a booking (booked on the priority path)
     * @param zones                 CN-3 emergency zones with their backing hospital and mapped institutions
     * @param hospiceCentres        CN-4 hospice centres
     * @param criteria              active referral criteria (转诊标准) by consortium and direction (NAT-12)
     * @param routingWarnings       the routing findings recorded on referrals (SH-15, CN-3, CN-4)
     */
    record ReferralEvidence(Map<UUID, Long> referralsBySender, Map<UUID, Long> priorityDue,
                            Map<UUID, Long> priorityHonoured, List<Zone> zones,
                            List<HospiceCentre> hospiceCentres, List<Criterion> criteria, List<RoutingWarning> routingWarnings) {
    }

    record Zone(String districtCode, String zone, UUID backingHospitalId, List<UUID> members) {
    }

    record HospiceCentre(UUID institutionId, String districtCode, boolean regionalWithInstitutionalBeds) {
    }

    record Criterion(UUID consortiumId, String direction) {
    }

    /** A referral whose destination departs from a routing rule; {@code number} is the referral's number (no resident data). */
    record RoutingWarning(String ruleId, String number, UUID fromInstitutionId, UUID toInstitutionId, UUID consortiumId,
                          LocalDate createdOn) {
    }
}
