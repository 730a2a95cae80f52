package org.medunion.registry;

import java.util.Optional;

/**
 * The registry's record of institutions' standardised public-health departments (NN-10, seed 002). Reads follow the
 * caller's institution scope; a change is made by planners of the institution's district and administrators, audited
 * as an institution change and guarded like every registry change a rule reads (decision 0252).
 */
public interface PublicHealthDepartments {

    /** The department of an institution the caller may see; empty when none is recorded (404 for an unseen institution). */
    Optional<PublicHealthDepartmentView> publicHealthDepartment(InstitutionId institutionId);

    PublicHealthDepartmentView recordPublicHealthDepartment(InstitutionId institutionId, RecordPublicHealthDepartment command);
}
