package org.medunion.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the consultation module reads from the registry and the residents module, through their facades: the
 * institutions, the agreements between two of them (TM-1), practitioners and their dispatches (TM-5), and whether
 * an institution has a care relationship with a resident.
 */
@Component
class ConsultationDirectory {

    private final ObjectProvider<RegistryManagement> registry;
    private final ObjectProvider<ResidentsManagement> residents;
    private final Clock clock;

    ConsultationDirectory(ObjectProvider<RegistryManagement> registry, ObjectProvider<ResidentsManagement> residents, Clock clock) {
        this.registry = registry;
        this.residents = residents;
        this.clock = clock;
    }

    Optional<InstitutionView> institution(@Nullable UUID id) {
        var r = registry.getIfAvailable();
        return r == null || id == null ? Optional.empty() : r.institutionEntry(new InstitutionId(id));
    }

    @Nullable
    String name(@Nullable UUID id) {
        return institution(id).map(InstitutionView::name).orElse(null);
    }

    @Nullable
    String districtOf(UUID institution) {
        return institution(institution).map(InstitutionView::districtCode).orElse(null);
    }

    Optional<PractitionerView> practitioner(@Nullable UUID id) {
        var r = registry.getIfAvailable();
        return r == null || id == null ? Optional.empty() : r.practitionerEntry(new PractitionerId(id));
    }

    List<PractitionerView> practitionersAt(UUID institution) {
        var r = registry.getIfAvailable();
        return r == null ? List.of() : r.practitioners(new InstitutionId(institution));
    }

    List<AgreementView> agreementsBetween(UUID a, UUID b) {
        var r = registry.getIfAvailable();
        return r == null ? List.of() : r.agreementsBetween(new InstitutionId(a), new InstitutionId(b));
    }

    /** The agreements of a consortium, as the caller (its office) may read them. */
    List<AgreementView> agreementsOf(UUID consortium) {
        var r = registry.getIfAvailable();
        return r == null ? List.of() : r.agreements(new ConsortiumId(consortium));
    }

    List<DispatchView> dispatchesOf(UUID practitioner) {
        var r = registry.getIfAvailable();
        return r == null ? List.of() : r.dispatchesOf(new PractitionerId(practitioner));
    }

    /** Whether the practitioner is registered at, or dispatched today to, one of the institutions. */
    boolean worksAt(UUID practitioner, List<UUID> institutions) {
        var p = practitioner(practitioner);
        if (p.isEmpty()) {
            return false;
        }
        if (p.get().institutionId() != null && institutions.contains(p.get().institutionId().value())) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        return dispatchesOf(practitioner).stream().anyMatch(d -> institutions.contains(d.toInstitutionId().value())
                && !d.startDate().isAfter(today) && (d.endDate() == null || !d.endDate().isBefore(today)));
    }

    /** The first active consortium both institutions belong to. */
    Optional<UUID> commonConsortium(UUID a, UUID b) {
        var r = registry.getIfAvailable();
        if (r == null) {
            return Optional.empty();
        }
        // the platform's day (Asia/Shanghai), not the host's: a membership starting today counts from Beijing midnight
        LocalDate today = LocalDate.now(clock);
        return r.activeConsortiaOf(new InstitutionId(a)).stream().filter(c -> member(c, b, today))
                .map(c -> c.id().value()).findFirst();
    }

    private static boolean member(ConsortiumView c, UUID institution, LocalDate day) {
        return c.activeMembers(day).stream().anyMatch(m -> m.institutionId().value().equals(institution));
    }

    /** Whether the institution has a care relationship with the resident (false as well for an unknown resident). */
    boolean caresFor(UUID institution, UUID resident) {
        var r = residents.getIfAvailable();
        return r != null && r.relationship(new InstitutionId(institution), new ResidentId(resident)).isPresent();
    }

    /** The resident's name as the caller may read it (the caller's own relationship; audited by residents). */
    @Nullable
    String residentName(UUID resident) {
        var r = residents.getIfAvailable();
        return r == null ? null : r.resident(new ResidentId(resident)).map(ResidentView::name).orElse(null);
    }
}
