package org.medunion.policy.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.policy.rules.Divisions;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Who sees and changes what in policy: planner — their jurisdiction; office — their own consortium; admin — all. */
@Component
class PolicyScope {

    /** The demo city, the jurisdiction an administrator looks at first. */
    private static final String DEFAULT_JURISDICTION = "310000";

    private final CurrentUsers users;
    private final SnapshotFactory snapshots;

    PolicyScope(CurrentUsers users, SnapshotFactory snapshots) {
        this.users = users;
        this.snapshots = snapshots;
    }

    CurrentUser caller() {
        return users.require();
    }

    /** A reader of findings and reports: planner, admin or office. */
    CurrentUser readableBy() {
        CurrentUser u = users.require();
        requireRole(u, Role.PLANNER, Role.ADMIN, Role.OFFICE);
        return u;
    }

    /** A planner or admin whose scope covers the jurisdiction they change. */
    CurrentUser plannerOf(String jurisdiction) {
        CurrentUser u = users.require();
        requireRole(u, Role.PLANNER, Role.ADMIN);
        if (!Divisions.valid(jurisdiction)) {
            throw new InvalidInputException("jurisdiction", PolicyError.INVALID_JURISDICTION, jurisdiction);
        }
        if (!u.scope().coversDivision(jurisdiction)) {
            throw new ForbiddenException(PolicyError.OUT_OF_SCOPE, jurisdiction);
        }
        return u;
    }

    static void requireRole(CurrentUser u, Role... roles) {
        for (Role r : roles) {
            if (u.role() == r) {
                return;
            }
        }
        throw new ForbiddenException(PolicyError.FORBIDDEN, u.role().name());
    }

    boolean visible(CurrentUser u, StoredFinding f) {
        return switch (u.scope().type()) {
            case GLOBAL -> true;
            case JURISDICTION -> u.scope().coversDivision(f.divisionCode());
            case CONSORTIUM -> u.scope().reference() != null && f.concerns(UUID.fromString(u.scope().reference()));
            default -> false;
        };
    }

    boolean mayRead(CurrentUser u, ConsortiumView c) {
        if (u.scope().type() == ScopeType.CONSORTIUM) {
            return c.id().toString().equals(u.scope().reference());
        }
        return u.scope().coversDivision(c.districtCode());
    }

    boolean mayOverride(CurrentUser u) {
        return u.role() == Role.PLANNER || u.role() == Role.ADMIN;
    }

    /** The jurisdiction a caller looks at by default: their scope's code, the demo city for admins. */
    @Nullable
    String defaultJurisdiction(CurrentUser u) {
        if (u.scope().type() == ScopeType.JURISDICTION) {
            return u.scope().reference();
        }
        if (u.scope().type() == ScopeType.CONSORTIUM) {
            return snapshots.consortium(new ConsortiumId(u.scope().requiredReferenceId())).map(ConsortiumView::districtCode).orElse(null);
        }
        return DEFAULT_JURISDICTION;
    }
}
