package org.medunion.identity.internal;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile MedUnion refuses to start while any account still has a well-known
 * password (S-5). A first administrator comes from {@code MEDUNION_ADMIN_PASSWORD}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DefaultCredentialGuard implements ApplicationRunner {

    static final List<String> WELL_KNOWN = List.of("demo", "admin", "password", "123456", "medunion");

    private final Environment environment;
    private final AccountStore accounts;
    private final AccountService service;
    private final String adminPassword;

    DefaultCredentialGuard(Environment environment, AccountStore accounts, AccountService service,
                           @Value("${medunion.admin-password:}") String adminPassword) {
        this.environment = environment;
        this.accounts = accounts;
        this.service = service;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        if (accounts.all().isEmpty() && !adminPassword.isBlank()) {
            service.ensureAccount(new org.medunion.identity.AccountManagement.NewAccount("admin", adminPassword,
                    "Administrator", org.medunion.identity.Role.ADMIN, org.medunion.identity.Scope.global()));
        }
        for (var account : accounts.all()) {
            for (String weak : WELL_KNOWN) {
                if (service.hasPassword(account, weak)) {
                    throw new IllegalStateException("Refusing to start outside the demo profile: account '"
                            + account.username() + "' has a well-known default password. Change it or run with the demo profile.");
                }
            }
        }
    }
}
