package org.medunion.demo;

import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One account per role, password {@code demo} (README). Only in the demo profile; outside it the
 * identity module refuses to start while such passwords exist.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAccounts implements ApplicationRunner {

    /** Shanghai (GB/T 2260 310000): the demo city's jurisdiction. */
    static final String CITY = "310000";

    private final AccountManagement accounts;

    DemoAccounts(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureAccount(new NewAccount("admin", "demo", "系统管理员", Role.ADMIN, Scope.global()));
        accounts.ensureAccount(new NewAccount("planner", "demo", "市卫健委 规划处", Role.PLANNER, Scope.jurisdiction(CITY)));
        accounts.ensureAccount(new NewAccount("integrator", "demo", "区域平台集成方", Role.INTEGRATOR, Scope.jurisdiction(CITY)));
    }
}
