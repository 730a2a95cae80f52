package org.medunion.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.ScopeType;
import org.medunion.indicators.Level;
import org.medunion.indicators.Period;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Resolves a subject (institution, consortium, district) within the caller's scope into the institutions and day
 * ranges whose day rows make up its values: a consortium's members as of each day of the period (registry
 * memberships), a district's institutions as registered now. Outside the caller's scope, or unknown: 404.
 */
@Component
class Subjects {

    private final RegistryDirectory registry;

    Subjects(RegistryDirectory registry) {
        this.registry = registry;
    }

    /** One institution's days [from, to); {@code lead} marks a consortium's lead hospital. */
    record Span(UUID institution, LocalDate from, LocalDate to, boolean lead) {
    }

    /** @param divisionCode where the subject lies, for the jurisdiction's targets */
    record Resolved(Level level, String subject, String name, String divisionCode, List<Span> spans) {
    }

    Resolved resolve(CurrentUser caller, Level level, String subject, Period period) {
        return switch (level) {
            case INSTITUTION -> institution(caller, subject, period);
            case CONSORTIUM -> consortium(caller, subject, period);
            case DISTRICT -> district(caller, subject, period);
        };
    }

    private Resolved institution(CurrentUser caller, String subject, Period period) {
        UUID id = uuid(subject, "Institution");
        InstitutionView view = registry.institutionEntry(new InstitutionId(id))
                .orElseThrow(() -> new NotFoundException("Institution", subject));
        var scope = caller.scope();
        boolean visible = switch (scope.type()) {
            case GLOBAL -> true;
            case JURISDICTION -> scope.coversDivision(view.districtCode());
            case CONSORTIUM -> registry.activeConsortiaOf(view.id()).stream()
                    .anyMatch(c -> c.id().value().equals(scope.referenceId()));
            case INSTITUTION -> id.equals(scope.referenceId());
        };
        if (!visible) {
            throw new NotFoundException("Institution", subject);
        }
        return new Resolved(Level.INSTITUTION, subject, view.name(), view.districtCode(),
                List.of(new Span(id, period.start(), period.end(), true)));
    }

    private Resolved consortium(CurrentUser caller, String subject, Period period) {
        UUID id = uuid(subject, "Consortium");
        ConsortiumView c = registry.consortiumEntry(new ConsortiumId(id))
                .orElseThrow(() -> new NotFoundException("Consortium", subject));
        var scope = caller.scope();
        boolean visible = switch (scope.type()) {
            case GLOBAL -> true;
            case JURISDICTION -> scope.coversDivision(c.districtCode());
            case CONSORTIUM -> id.equals(scope.referenceId());
            case INSTITUTION -> c.members().stream().anyMatch(m -> m.role() == MembershipRole.LEAD
                    && m.institutionId().value().equals(scope.referenceId()) && m.endDate() == null);
        };
        if (!visible) {
            throw new NotFoundException("Consortium", subject);
        }
        var spans = new ArrayList<Span>();
        for (MembershipView m : c.members()) {
            LocalDate from = max(period.start(), m.startDate());
            LocalDate to = m.endDate() == null ? period.end() : min(period.end(), m.endDate());
            if (from.isBefore(to)) {
                spans.add(new Span(m.institutionId().value(), from, to, m.role() == MembershipRole.LEAD));
            }
        }
        return new Resolved(Level.CONSORTIUM, subject, c.name(), c.districtCode(), spans);
    }

    private Resolved district(CurrentUser caller, String subject, Period period) {
        if (!subject.matches("\\d{6}")) {
            throw new NotFoundException("District", subject);
        }
        var scope = caller.scope();
        boolean visible = scope.type() == ScopeType.GLOBAL
                || scope.type() == ScopeType.JURISDICTION && scope.coversDivision(subject);
        if (!visible) {
            throw new NotFoundException("District", subject);
        }
        var spans = registry.institutionsWithin(subject).stream()
                .map(i -> new Span(i.value(), period.start(), period.end(), false)).toList();
        return new Resolved(Level.DISTRICT, subject, subject, subject, spans);
    }

    String institutionName(UUID id) {
        return registry.institutionNames(List.of(new InstitutionId(id))).getOrDefault(new InstitutionId(id), id.toString());
    }

    private static UUID uuid(String subject, String kind) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(kind, subject);
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, @Nullable LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
