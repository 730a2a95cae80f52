package org.medunion.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One account per role, password {@code demo} (docs/demo-city.md), scoped to objects of the demo city.
 * Only in the demo profile (the loader calls it); outside it the identity module refuses to start
 * while such passwords exist. Scopes are found by name, so they resolve on every start, whatever IDs
 * the registry gave the objects.
 */
@Component
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** Shanghai (GB/T 2260 310000): the demo city's jurisdiction. */
    static final String CITY = ShanghaiDemo.CITY;
    /** The office's consortium: the regional consortium of 长宁区 (CN-2: imaging and pre-review centres). */
    static final String OFFICE_CONSORTIUM = "长宁区区域医疗联合体";
    /** The GP's community health centre, a member of that consortium. */
    static final String GP_INSTITUTION = "长宁区华阳路社区卫生服务中心";
    /** Lead of that consortium: regional medical centre hosting the imaging and prescription pre-review centres. */
    static final String LEAD_INSTITUTION = "上海市长宁区区域医疗中心";

    private final AccountManagement accounts;
    private final RegistryManagement registry;
    private final CityWideRegistry city;

    DemoAccounts(AccountManagement accounts, RegistryManagement registry, CityWideRegistry city) {
        this.accounts = accounts;
        this.registry = registry;
        this.city = city;
    }

    /** Creates the accounts that do not exist yet; an account whose scope object is missing is skipped with a warning. */
    void ensure() {
        Set<String> existing = accounts.accounts().stream().map(CurrentUser::username).collect(Collectors.toSet());
        List<NewAccount> wanted = new ArrayList<>();
        wanted.add(new NewAccount("admin", "demo", "系统管理员", Role.ADMIN, Scope.global()));
        wanted.add(new NewAccount("planner", "demo", "上海市卫健委 规划发展处", Role.PLANNER, Scope.jurisdiction(CITY)));
        wanted.add(new NewAccount("integrator", "demo", "上海市区域卫生信息平台集成方", Role.INTEGRATOR, Scope.jurisdiction(CITY)));
        // 等保 三员: the security administrator (accounts) and the audit administrator (trail) besides admin
        wanted.add(new NewAccount("secadmin", "demo", "安全管理员", Role.SECURITY_ADMIN, Scope.global()));
        wanted.add(new NewAccount("auditor", "demo", "审计管理员", Role.AUDITOR, Scope.global()));
        if (wanted.stream().map(NewAccount::username).allMatch(existing::contains)
                && Set.of("office", "gp", "specialist", "pharmacist", "centre", DemoNursingHome.ACCOUNT).stream()
                        .allMatch(existing::contains)) {
            return;
        }
        Optional<UUID> consortium = consortium(OFFICE_CONSORTIUM);
        Optional<UUID> chc = institution(GP_INSTITUTION);
        Optional<UUID> lead = institution(LEAD_INSTITUTION);
        consortium.ifPresent(id -> wanted.add(new NewAccount("office", "demo", "长宁区区域医联体管理办公室", Role.OFFICE, Scope.consortium(id))));
        chc.ifPresent(id -> wanted.add(new NewAccount("gp", "demo", "华阳路社区 家庭医生 李敏", Role.GP, Scope.institution(id))));
        lead.ifPresent(id -> {
            wanted.add(new NewAccount("specialist", "demo", "长宁区区域医疗中心 心内科 张伟", Role.SPECIALIST, Scope.institution(id)));
            wanted.add(new NewAccount("pharmacist", "demo", "处方前置审核中心 药师 王芳", Role.PHARMACIST, Scope.institution(id)));
            wanted.add(new NewAccount("centre", "demo", "区域医学影像诊断中心 刘洋", Role.CENTRE_STAFF, Scope.institution(id)));
        });
        // CN-3: the physician of the elderly-care institution outside the consortium (its consultations, TM-15)
        institution(DemoNursingHome.NAME).ifPresent(id -> wanted.add(new NewAccount(DemoNursingHome.ACCOUNT, "demo",
                "天山颐养院 医务室 医师 陈静", Role.GP, Scope.institution(id))));
        if (consortium.isEmpty() || chc.isEmpty() || lead.isEmpty()) {
            log.warn("Demo city objects missing; some role accounts were not created (office/gp/specialist/pharmacist/centre)");
        }
        wanted.stream().filter(a -> !existing.contains(a.username())).forEach(accounts::ensureAccount);
    }

    private Optional<UUID> consortium(String name) {
        return city.allConsortia().stream().filter(c -> c.name().equals(name)).map(ConsortiumView::id)
                .map(id -> id.value()).findFirst();
    }

    private Optional<UUID> institution(String name) {
        var search = new InstitutionSearch(name, null, null, null, null, null, null, 0, 20);
        return registry.searchInstitutions(search).stream().filter(i -> i.name().equals(name)).map(InstitutionView::id)
                .map(id -> id.value()).findFirst();
    }
}
