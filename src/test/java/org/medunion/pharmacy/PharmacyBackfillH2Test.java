package org.medunion.pharmacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.medunion.pharmacy.backfill.PharmacyBackfill;
import org.medunion.shared.ForbiddenException;
import org.medunion.support.H2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Decision 0123: the backfill's stand-in caller is for system runs only; a logged-in caller of any role is refused. */
@H2Test
class PharmacyBackfillH2Test {

    @Autowired
    PharmacyBackfill backfill;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "GP", "PHARMACIST"})
    void aLoggedInCallerCannotBackfill_andNothingIsWritten(Role role) {
        UUID institution = jdbc.sql("select prescribing_institution_id from pharmacy_prescription limit 1").query(UUID.class).single();
        UUID resident = jdbc.sql("select resident_id from pharmacy_prescription limit 1").query(UUID.class).single();
        String someone = jdbc.sql("select id from pharmacy_prescription limit 1").query(String.class).single();
        List<String> before = count();
        var scope = role == Role.ADMIN ? new Scope(ScopeType.GLOBAL, null) : Scope.institution(institution);
        var caller = new CurrentUser("caller", "Caller", role, scope);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));

        var command = new WritePrescription(resident, EncounterType.OUTPATIENT, "I10", "原发性高血压", false, false, null, null, null,
                null, false, List.of(), null, null, null, null,
                List.of(new WritePrescription.Item("F0001", new BigDecimal("5"), null, null, "QD", 7, null)));
        Instant at = Instant.now().minusSeconds(3600);
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> backfill.prescribe(command, institution, "gp", at)))
                .as("prescribe").isNotNull();
        var id = new PrescriptionId(UUID.fromString(someone));
        assertThat(catchThrowableOfType(ForbiddenException.class,
                () -> backfill.approve(id, new ReviewDecision(null, null), "pharmacist", at))).as("approve").isNotNull();
        assertThat(catchThrowableOfType(ForbiddenException.class,
                () -> backfill.returnToPrescriber(id, new ReviewDecision(null, "x"), "pharmacist", at))).as("return").isNotNull();
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> backfill.dispense(id, "demo", at))).as("dispense").isNotNull();
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> backfill.mapCatalogue(institution, List.of(), "demo")))
                .as("catalogue").isNotNull();
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    /** Rows per status and review round: a new, approved, returned or dispensed prescription changes it. */
    private List<String> count() {
        return jdbc.sql("select status || ':' || review_round || ':' || count(*) from pharmacy_prescription group by status, review_round"
                + " order by 1").query(String.class).list();
    }
}
