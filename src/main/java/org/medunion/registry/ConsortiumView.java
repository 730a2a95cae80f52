package org.medunion.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A consortium with its members.
 *
 * @param districtCode          the district (or city) it is registered in
 * @param crossProvince         SH-11: members in another province
 * @param ownerApprovedOn       SH-11: date the owner approved a cross-province consortium
 * @param managementOffice      SH-16 / NN-3: a management office exists
 * @param qualityControlGroup   SH-16: a quality-control group exists
 * @param updatedAt             when it or its relations last changed (FHIR {@code meta.lastUpdated})
 * @param centres               NN-3 "one office, many centres": HR, FINANCE, MEDICAL, NURSING, PHARMACY, IT …
 */
public record ConsortiumView(ConsortiumId id, String name, ConsortiumForm form, boolean tight, @Nullable GovernanceType governance,
                             String districtCode, List<GridId> gridIds, boolean active, LocalDate establishedOn,
                             @Nullable LocalDate dissolvedOn, boolean crossProvince, @Nullable LocalDate ownerApprovedOn,
                             boolean managementOffice, boolean qualityControlGroup, List<String> centres,
                             List<MembershipView> members, long version, @Nullable Instant updatedAt) {

    public Optional<InstitutionId> lead() {
        return members.stream().filter(m -> m.role() == MembershipRole.LEAD && m.endDate() == null)
                .map(MembershipView::institutionId).findFirst();
    }

    public List<MembershipView> activeMembers(LocalDate day) {
        return members.stream().filter(m -> m.activeOn(day)).toList();
    }
}
