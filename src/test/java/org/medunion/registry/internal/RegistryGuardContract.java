package org.medunion.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUsers;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.RegistryChangeGuard;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.CreditCode;
import org.medunion.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guard path (RegistryChangeGuard SPI): guards run after the change is applied, see the registry as it
 * would be, and a blocking violation rolls the whole change back — consortium, memberships, report, audit.
 * The commands are wired by hand around a lambda guard so that the shared application context gains no bean.
 */
abstract class RegistryGuardContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RegistryManagement registry;
    @Autowired
    CurrentUsers users;
    @Autowired
    AuditTrail audit;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactions;

    private ConsortiumCommands commandsGuardedBy(RegistryChangeGuard guard) {
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("guard", guard);
        var referenceData = new ReferenceDataStore(jdbc);
        var institutions = new InstitutionStore(jdbc);
        var consortia = new ConsortiumStore(jdbc);
        var access = new RegistryAccess(users);
        var reporter = new ChangeReporter(beans.getBeanProvider(RegistryChangeGuard.class), new ChangeReportStore(jdbc),
                institutions, referenceData, audit, events, messages, clock);
        var institutionCommands = new InstitutionCommands(referenceData, institutions, new PractitionerStore(jdbc), consortia,
                access, audit, reporter, clock);
        return new ConsortiumCommands(consortia, referenceData, institutionCommands, reporter, access, audit, events, clock);
    }

    private InstitutionId hospital(Affiliation affiliation) {
        String first17 = "12310105" + "%09d".formatted(Math.floorMod(System.nanoTime(), 1_000_000_000L));
        return registry.registerInstitution(new RegisterInstitution("guard-" + UUID.randomUUID(),
                first17 + CreditCode.checkCharacter(first17), InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.TERTIARY,
                HospitalGrade.A, Ownership.PUBLIC, "owner", affiliation, false, "310105", null, null, false, null, null,
                null)).id();
    }

    private static FormConsortium regional(String name, InstitutionId lead, InstitutionId support, @Nullable String overrideReason) {
        LocalDate start = LocalDate.of(2025, 1, 1);
        return new FormConsortium(name, ConsortiumForm.REGIONAL, true, null, "310105", null, start, false, null, true,
                true, null, List.of(new AddMember(lead, MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, start, null, null),
                        new AddMember(support, MembershipRole.TECHNICAL_SUPPORT, MembershipBasis.BRANCH_CAMPUS, start, null, null)),
                overrideReason);
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    @Test
    void guardSeesTheAppliedChangeAndABlockingViolationRollsEverythingBack() {
        InstitutionId lead = hospital(Affiliation.DISTRICT);
        InstitutionId support = hospital(Affiliation.MUNICIPAL);
        String name = "guarded-" + UUID.randomUUID();
        List<Long> membersSeenByGuard = new ArrayList<>();
        RegistryChangeGuard blocking = change -> {
            membersSeenByGuard.add(count("select count(*) from registry_membership where consortium_id = ?",
                    Objects.requireNonNull(change.consortiumId()).value()));
            return List.of(new RuleViolationException.Violation("SH-3", "clause", "too many municipal hospitals",
                    "members", List.of("Organization/" + support)));
        };
        var tx = new TransactionTemplate(transactions);
        var commands = commandsGuardedBy(blocking);
        long auditBefore = audit.count(new AuditTrail.AuditQuery(null, "Consortium", null, null, 1));

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> commands.form(regional(name, lead, support, null))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.violations()).extracting(RuleViolationException.Violation::ruleId).containsExactly("SH-3");
                });
        assertThat(membersSeenByGuard).containsExactly(2L);
        assertThat(count("select count(*) from registry_consortium where name = ?", name)).isZero();
        assertThat(count("select count(*) from registry_change_report where consortium_name = ?", name)).isZero();
        assertThat(count("select count(*) from registry_membership where institution_id = ?", lead.value())).isZero();
        assertThat(audit.count(new AuditTrail.AuditQuery(null, "Consortium", null, null, 1))).isEqualTo(auditBefore);
    }

    @Test
    void guardReceivesActionInstitutionsAndOverrideReasonAndAnEmptyAnswerLetsTheChangeCommit() {
        InstitutionId lead = hospital(Affiliation.DISTRICT);
        InstitutionId support = hospital(Affiliation.MUNICIPAL);
        String name = "allowed-" + UUID.randomUUID();
        List<RegistryChange> seen = new ArrayList<>();
        var commands = commandsGuardedBy(change -> {
            seen.add(change);
            return List.of();
        });
        var formed = new TransactionTemplate(transactions).execute(s -> commands.form(regional(name, lead, support,
                "approved by the commission")));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).action()).isEqualTo("CONSORTIUM_FORMED");
        assertThat(seen.get(0).consortiumId()).isEqualTo(formed.id());
        assertThat(seen.get(0).institutionIds()).containsExactly(lead, support);
        assertThat(seen.get(0).overrideReason()).isEqualTo("approved by the commission");
        assertThat(count("select count(*) from registry_change_report where consortium_id = ?", formed.id().value())).isEqualTo(1);
        assertThat(jdbc.sql("select reporting_institution_id from registry_change_report where consortium_id = ?")
                .param(formed.id().value()).query(UUID.class).single()).isEqualTo(support.value());
    }
}
