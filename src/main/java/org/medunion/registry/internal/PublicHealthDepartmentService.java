package org.medunion.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.Role;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PublicHealthDepartmentView;
import org.medunion.registry.PublicHealthDepartments;
import org.medunion.registry.RecordPublicHealthDepartment;
import org.medunion.registry.RegistryChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NN-10's data: an institution's standardised public-health department (decision 0252). Kept beside the institution
 * (its own table, one row per institution) rather than in {@code InstitutionView}, so the many readers of institutions
 * do not change; policy reads every row through {@code CityWideRegistry}.
 */
@Service
@Transactional(readOnly = true)
class PublicHealthDepartmentService implements PublicHealthDepartments {

    private static final String COLUMNS = "select institution_id, established_on, dedicated_staff from registry_public_health_department";

    private final JdbcClient jdbc;
    private final InstitutionCommands institutions;
    private final RegistryAccess access;
    private final AuditTrail audit;
    private final ChangeReporter reporter;
    private final Clock clock;

    PublicHealthDepartmentService(JdbcClient jdbc, InstitutionCommands institutions, RegistryAccess access, AuditTrail audit,
                                  ChangeReporter reporter, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.access = access;
        this.audit = audit;
        this.reporter = reporter;
        this.clock = clock;
    }

    @Override
    public Optional<PublicHealthDepartmentView> publicHealthDepartment(InstitutionId institutionId) {
        InstitutionView i = institutions.visibleInstitution(Check.required(institutionId, "institution"));
        return jdbc.sql(COLUMNS + " where institution_id = ?").param(i.id().value()).query(PublicHealthDepartmentService::row).optional();
    }

    @Override
    @Transactional
    public PublicHealthDepartmentView recordPublicHealthDepartment(InstitutionId institutionId, RecordPublicHealthDepartment command) {
        var caller = access.caller();
        caller.requireRoleAmong(Role.ADMIN, Role.PLANNER);
        InstitutionView i = institutions.visibleInstitution(Check.required(institutionId, "institution"));
        Check.required(command, "body");
        LocalDate established = Check.required(command.establishedOn(), "establishedOn");
        Check.notAfter(established, LocalDate.now(clock), "establishedOn");
        int staff = (int) Check.range(Check.required(command.dedicatedStaff(), "dedicatedStaff"), 0, 100_000, "dedicatedStaff");
        caller.requirePlannerOf(i.districtCode());
        UUID id = i.id().value();
        var now = Rows.ts(clock.instant());
        int updated = jdbc.sql("update registry_public_health_department set established_on = ?, dedicated_staff = ?, updated_at = ?, "
                + "updated_by = ? where institution_id = ?").params(established, staff, now, caller.username(), id).update();
        if (updated == 0) {
            jdbc.sql("insert into registry_public_health_department (institution_id, established_on, dedicated_staff, updated_at, "
                    + "updated_by) values (?, ?, ?, ?, ?)").params(id, established, staff, now, caller.username()).update();
        }
        audit.record(AuditAction.UPDATE, "Institution", id.toString(), null,
                "public-health department " + established + ", dedicated staff " + staff);
        // NN-10 reads it: the guard re-evaluates after commit
        reporter.guard(new RegistryChange("PUBLIC_HEALTH_DEPARTMENT_RECORDED", null, List.of(i.id()), null));
        return new PublicHealthDepartmentView(i.id(), established, staff);
    }

    /** Every recorded department, for policy's city-wide snapshot (no scope, no audit). */
    List<PublicHealthDepartmentView> all() {
        return jdbc.sql(COLUMNS).query(PublicHealthDepartmentService::row).list();
    }

    private static PublicHealthDepartmentView row(ResultSet rs, int n) throws SQLException {
        return new PublicHealthDepartmentView(new InstitutionId(rs.getObject("institution_id", UUID.class)),
                rs.getObject("established_on", LocalDate.class), rs.getInt("dedicated_staff"));
    }
}
