package org.medunion.identity.internal;

import java.util.List;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.shared.InvalidInputException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile MedUnion refuses to start while any account still has a well-known
 * password (S-5). A first administrator comes from {@code MEDUNION_ADMIN_PASSWORD}, which must pass the
 * password policy. Runs once all beans exist and before any lifecycle bean starts — in particular before
 * the web server listens — so no token can be issued for a default account, not even for a moment.
 */
@Component
class DefaultCredentialGuard implements SmartInitializingSingleton {

    static final List<String> WELL_KNOWN = List.of("demo", "admin", "password", "123456", "medunion");

    private final Environment environment;
    private final AccountStore accounts;
    private final AccountService service;
    private final PasswordPolicy policy;
    private final String adminPassword;

    DefaultCredentialGuard(Environment environment, AccountStore accounts, AccountService service, PasswordPolicy policy,
                           @Value("${medunion.admin-password:}") String adminPassword) {
        this.environment = environment;
        this.accounts = accounts;
        this.service = service;
        this.policy = policy;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        if (!adminPassword.isBlank()) {
            try {
                policy.check("MEDUNION_ADMIN_PASSWORD", "admin", adminPassword);
            } catch (InvalidInputException e) {
                throw new IllegalStateException("Refusing to start: MEDUNION_ADMIN_PASSWORD breaks the password policy ("
                        + e.code() + "): at least " + PasswordPolicy.MIN_LENGTH
                        + " characters from three of lower case, upper case, digits and other characters, not the username,"
                        + " not a well-known password.");
            }
        }
        if (accounts.all().isEmpty() && !adminPassword.isBlank()) {
            service.ensureAccount(new AccountManagement.NewAccount("admin", adminPassword, "Administrator", Role.ADMIN,
                    Scope.global()));
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
