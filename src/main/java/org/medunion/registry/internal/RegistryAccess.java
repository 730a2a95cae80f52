package org.medunion.registry.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.medunion.shared.DivisionCode;
import org.medunion.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who sees and changes what in the registry. A planner (or integrator) with a jurisdiction sees the
 * institutions and consortia registered in its districts; a consortium office its consortium and the
 * consortium's members; an institution account its institution, the consortia it belongs to and their
 * members; an administrator (or a global scope) everything. Writes: administrators everything,
 * planners their jurisdiction, an office its own consortium; everyone else reads only.
 * Calls without an authenticated user (start-up loaders, listeners) act as the system.
 */
@Component
class RegistryAccess {

    private final CurrentUsers users;

    RegistryAccess(CurrentUsers users) {
        this.users = users;
    }

    Caller caller() {
        return new Caller(users.current().orElse(null));
    }

    /** The calling user, or none for the system. */
    record Caller(@Nullable CurrentUser user) {

        String username() {
            return user == null ? "system" : user.username();
        }

        boolean seesAll() {
            return user == null || user.role() == Role.ADMIN || user.scope().type() == ScopeType.GLOBAL;
        }

        ScopeType scopeType() {
            return user == null ? ScopeType.GLOBAL : user.scope().type();
        }

        @Nullable
        UUID scopeId() {
            return scope().referenceId();
        }

        /** The scope of a signed-in caller; the system caller sees all and is never asked. */
        private Scope scope() {
            if (user == null) {
                throw new IllegalStateException("the system caller has no scope");
            }
            return user.scope();
        }

        boolean covers(@Nullable String districtCode) {
            return seesAll() || scopeType() == ScopeType.JURISDICTION && scope().coversDivision(districtCode);
        }

        /** SQL condition (prefixed with " and ") limiting institutions aliased {@code i} to the caller's scope. */
        String institutionFilter(List<Object> params) {
            if (seesAll()) {
                return "";
            }
            return switch (scopeType()) {
                case JURISDICTION -> {
                    params.add(DivisionCode.significantPrefix(scope().reference()) + "%");
                    yield " and i.district_code like ?";
                }
                case CONSORTIUM -> {
                    params.add(scopeId());
                    yield " and i.id in (select m.institution_id from registry_membership m where m.consortium_id = ?)";
                }
                case INSTITUTION -> {
                    params.add(scopeId());
                    params.add(scopeId());
                    yield " and (i.id = ? or i.id in (select m2.institution_id from registry_membership m1"
                            + " join registry_membership m2 on m2.consortium_id = m1.consortium_id"
                            + " where m1.institution_id = ? and m1.end_date is null))";
                }
                case GLOBAL -> "";
            };
        }

        /** SQL condition (prefixed with " and ") limiting consortia aliased {@code c} to the caller's scope. */
        String consortiumFilter(List<Object> params) {
            if (seesAll()) {
                return "";
            }
            return switch (scopeType()) {
                case JURISDICTION -> {
                    params.add(DivisionCode.significantPrefix(scope().reference()) + "%");
                    yield " and c.district_code like ?";
                }
                case CONSORTIUM -> {
                    params.add(scopeId());
                    yield " and c.id = ?";
                }
                case INSTITUTION -> {
                    params.add(scopeId());
                    yield " and c.id in (select m.consortium_id from registry_membership m"
                            + " where m.institution_id = ? and m.end_date is null)";
                }
                case GLOBAL -> "";
            };
        }

        /**
         * Fails fast, before the command is validated, for roles that may never make this kind of change: the
         * precise check ({@link #requirePlannerOf} and friends) needs the district or consortium from the body,
         * but a pharmacist should hear "forbidden", not which field of a registry form they got wrong.
         */
        void requireRoleAmong(Role... roles) {
            if (user == null || Arrays.asList(roles).contains(user.role())) {
                return;
            }
            throw new ForbiddenException(RegistryError.FORBIDDEN);
        }

        /** Registering institutions, drawing grids, forming consortia: administrators and planners of the district. */
        void requirePlannerOf(@Nullable String districtCode) {
            if (user == null || user.role() == Role.ADMIN) {
                return;
            }
            if (user.role() == Role.PLANNER && covers(districtCode)) {
                return;
            }
            throw new ForbiddenException(RegistryError.FORBIDDEN);
        }

        /** Changing a consortium (members, agreements, dispatches, work logs): its planner or its own office. */
        void requireConsortiumWriter(UUID consortiumId, String districtCode) {
            if (user != null && user.role() == Role.OFFICE && scopeType() == ScopeType.CONSORTIUM
                    && consortiumId.equals(scopeId())) {
                return;
            }
            requirePlannerOf(districtCode);
        }

        /** Registering or changing practitioners: the planner of the institution's district or an office it belongs to. */
        void requirePractitionerWriter(@Nullable String districtCode, List<UUID> consortiaOfInstitution) {
            if (user != null && user.role() == Role.OFFICE && scopeType() == ScopeType.CONSORTIUM
                    && consortiaOfInstitution.contains(scopeId())) {
                return;
            }
            requirePlannerOf(districtCode);
        }
    }
}
