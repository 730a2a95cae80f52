package org.medunion.referral;

import java.util.List;
import java.util.UUID;

/**
 * CN-3: one emergency zone of a district (东 / 中 / 西片区), the hospital backing it and the institutions (nursing homes,
 * elderly-care institutions) mapped to it. Institutions only, no resident: neither scoped nor audited.
 */
public record EmergencyZone(UUID id, String districtCode, String zone, UUID backingHospitalId, List<UUID> memberIds) {
}
