package org.medunion.diagnostics.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreType;
import org.medunion.diagnostics.CentreView;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and work a sterilisation centre (SC-7). Staff of the institution running it read everything of it; its
 * centre staff record. The consortium's office and administrators read. Members read only their own receipts. Anyone
 * else gets 404 for the centre, as for an unknown one.
 */
@Component
class SterilisationAccess {

    private final ReferenceData reference;
    private final CentreStore centres;
    private final DiagnosticsAccess access;

    SterilisationAccess(ReferenceData reference, CentreStore centres, DiagnosticsAccess access) {
        this.reference = reference;
        this.centres = centres;
        this.access = access;
    }

    CurrentUser caller() {
        return access.caller();
    }

    /** The sterilisation centre if the caller may read it; 404 otherwise, 400 for a centre of another type. */
    CentreView readable(@Nullable UUID id) {
        UUID centreId = Required.of(id, "centreId");
        CentreView centre = centres.centre(centreId).map(r -> reference.centre(centreId))
                .orElseThrow(() -> new NotFoundException("centre", centreId));
        if (!reads(caller(), centre)) {
            throw new NotFoundException("centre", centreId);
        }
        if (centre.type() != CentreType.STERILISATION) {
            throw new InvalidInputException("centreId", DiagnosticsError.NOT_STERILISATION_CENTRE, centreId);
        }
        return centre;
    }

    /** The centre if the caller records for it: centre staff of the running institution (else 403, or 404 unseen). */
    CentreView workable(@Nullable UUID id, String what) {
        CentreView centre = readable(id);
        if (!works(caller(), centre)) {
            throw DiagnosticsAccess.forbidden(what);
        }
        return centre;
    }

    boolean reads(CurrentUser user, CentreView centre) {
        return user.isAdmin() || centre.institutionId().equals(DiagnosticsAccess.institutionOf(user))
                || access.officeOf(user, centre.consortiumId());
    }

    static boolean works(CurrentUser user, CentreView centre) {
        return user.role() == Role.CENTRE_STAFF && centre.institutionId().equals(DiagnosticsAccess.institutionOf(user));
    }

    /** Members the centre issues to: the institutions it serves, and the one running it. */
    static boolean serves(CentreView centre, UUID institution) {
        return centre.institutionId().equals(institution) || centre.members().contains(institution);
    }

    /** Every sterilisation centre (reference data; callers filter). */
    List<CentreView> all() {
        return reference.centres(null).stream().filter(c -> c.type() == CentreType.STERILISATION).toList();
    }

    /**
     * The centres whose entries for the institution the caller may read: all of them for the institution's own staff;
     * else those the caller reads as runner, office or administrator. Empty = 403.
     */
    List<CentreView> receiptsReadable(UUID institution) {
        CurrentUser user = caller();
        if (institution.equals(DiagnosticsAccess.institutionOf(user))) {
            return all();
        }
        return all().stream().filter(c -> reads(user, c)).toList();
    }

    /** The centres listed for the caller: those it reads, and those serving its institution. */
    List<CentreView> listed() {
        CurrentUser user = caller();
        UUID own = DiagnosticsAccess.institutionOf(user);
        Set<UUID> mine = own == null ? Set.of() : Set.of(own);
        return all().stream().filter(c -> reads(user, c) || c.members().stream().anyMatch(mine::contains)).toList();
    }
}
