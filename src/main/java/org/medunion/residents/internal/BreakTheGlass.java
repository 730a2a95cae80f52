package org.medunion.residents.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.BreakTheGlassView;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsError;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass (issue 10): a clinician without a care relationship opens a resident's record in an emergency.
 * The reason is required, the grant ends after {@code medunion.residents.break-glass-hours} (default 24), the grant
 * is audited with purpose BREAK_THE_GLASS and reported to the resident's contracted primary institution, which
 * lists it through {@link #reportedToMe()}.
 */
@Service
@Transactional
class BreakTheGlass {

    static final String OBJECT = "break-the-glass";
    private static final Set<Role> CLINICIANS = Set.of(Role.GP, Role.SPECIALIST);
    private static final int MAX_REASON = 500;

    private final ResidentAccess access;
    private final ResidentStore residents;
    private final RelationshipStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validity;

    BreakTheGlass(ResidentAccess access, ResidentStore residents, RelationshipStore store, AuditTrail audit, Clock clock,
                  @Value("${medunion.residents.break-glass-hours:24}") long hours) {
        this.access = access;
        this.residents = residents;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.validity = Duration.ofHours(hours);
    }

    BreakTheGlassView open(ResidentId resident, @Nullable String reason) {
        CurrentUser u = access.requireRole(CLINICIANS);
        InstitutionId institution = ResidentAccess.institutionOf(u);
        if (institution == null) {
            throw new ForbiddenException("auth.forbidden");
        }
        String why = reason(reason);
        if (resident == null || residents.find(resident.value()).isEmpty()) {
            throw new NotFoundException("Patient", resident);
        }
        Instant now = clock.instant();
        UUID notified = store.contractedPrimaryInstitution(resident.value());
        var grant = new BreakTheGlassView(UUID.randomUUID(), resident, institution, u.username(), why, now,
                now.plus(validity), notified == null ? null : new InstitutionId(notified));
        store.insertBreakGlass(grant);
        String detail = ResidentIndex.purpose(CareRelationship.BREAK_THE_GLASS) + " until " + grant.expiresAt()
                + (notified == null ? "; no contracted institution to notify" : "; reported to " + notified) + "; reason: " + why;
        // the reason is kept whole in residents_break_glass; the audit row's detail column holds 500 characters
        audit.record(AuditAction.CREATE, OBJECT, grant.id().toString(), resident.toString(),
                detail.length() > 500 ? detail.substring(0, 500) : detail);
        return grant;
    }

    /** Grants reported to the caller's institution, the contracted primary institution of the residents concerned. */
    List<BreakTheGlassView> reportedToMe() {
        CurrentUser u = access.requireRole(CLINICIANS);
        InstitutionId institution = ResidentAccess.institutionOf(u);
        if (institution == null) {
            throw new ForbiddenException("auth.forbidden");
        }
        List<BreakTheGlassView> grants = store.breakGlassReportedTo(institution.value(), 200);
        grants.forEach(g -> audit.record(AuditAction.SEARCH, OBJECT, g.id().toString(), g.residentId().toString(),
                "break-the-glass report to " + institution));
        return grants;
    }

    private static String reason(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("reason", "field.required");
        }
        String s = raw.strip();
        if (s.length() > MAX_REASON || s.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE)) {
            throw new InvalidInputException("reason", ResidentsError.INVALID_REASON, MAX_REASON);
        }
        return s;
    }
}
