package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.referral.ReferralManagement;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18's office and account work in a real browser: the consortium office maintains a referral criterion
 * (adds, edits, retires it after the page's own confirmation) and handles an escalated referral from its
 * workbench by redirecting it to another member; the security administrator (the 等保 三员 account manager)
 * creates an account and unlocks one that wrong passwords locked. Screenshots: target/screenshots/.
 */
class DeskAndAccountsBrowserTest extends BrowserJourney {

    @Autowired
    ReferralManagement referrals;

    @Test
    void officeMaintainsACriterion_thenRedirectsAnEscalatedReferralFromTheWorkbench() throws IOException {
        var g = SchedulingFixture.group(registry, residents, accounts);
        String office = "desk-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(office, "demo", "医联体办公室 " + office, Role.OFFICE,
                Scope.consortium(g.consortium().value())));
        String criterion = "疑似急性冠脉综合征 " + office;

        browser.login(office);
        driver.findElement(By.linkText("转诊标准")).click();
        wait.until(ExpectedConditions.urlContains("/console/referrals/criteria"));
        var form = driver.findElement(By.id("criterion-form"));
        form.findElement(By.name("department")).sendKeys("心内科");
        form.findElement(By.name("diagnosisPrefix")).sendKeys("I20");
        form.findElement(By.name("text")).sendKeys(criterion);
        driver.findElement(By.id("criterion-save")).click();
        By row = By.xpath("//table[@id='criteria-list']//tr[td[contains(., '" + criterion + "')]]");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));

        // edit: the prefix widens to the whole chapter
        driver.findElement(row).findElement(By.tagName("summary")).click();
        var prefix = driver.findElement(row).findElement(By.cssSelector("details input[name=diagnosisPrefix]"));
        prefix.clear();
        prefix.sendKeys("I2");
        driver.findElement(row).findElement(By.cssSelector("details button[type=submit]")).click();
        wait.until(d -> d.findElement(row).findElements(By.tagName("td")).get(2).getText().equals("I2"));
        browser.screenshot("office-criterion-edited");

        // retire: the page's own dialog asks first
        driver.findElement(row).findElement(By.xpath(".//form[@data-confirm]//button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertThat(driver.findElement(By.cssSelector("#confirm-dialog .confirm-text")).getText()).contains("停用");
        driver.findElement(By.id("confirm-ok")).click();
        wait.until(ExpectedConditions.urlContains("retired"));
        assertThat(driver.findElement(row).getAttribute("class")).contains("retired");
        assertThat(driver.findElement(row).getText()).contains("已停用");

        // an emergency referral the lead hospital leaves waiting past its deadline: escalated to the desk
        var sent = Api.as(port, g.gpUser()).post("/api/referrals", """
                {"direction":"UP","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s","reason":"胸痛加重",
                 "diagnosisCode":"I20.0","diagnosisText":"不稳定型心绞痛","urgency":"EMERGENCY",
                 "noCriteriaReason":"急诊","submit":true}""".formatted(g.lead().value(), g.contracted().value()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String number = sent.json().get("number").asString();
        referrals.escalateOverdue(Instant.parse(sent.json().get("acceptanceDeadline").asString()).plusSeconds(60));

        driver.findElement(By.cssSelector("nav.menu a[href='/']")).click();
        var overdue = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@class='todo-list']/li[contains(@class,'overdue')]/a[contains(., '超时或已上报')]")));
        assertThat(overdue.findElement(By.className("todo-num")).getText()).isNotEqualTo("0");
        browser.screenshot("office-workbench-escalated");
        overdue.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(number))).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已提交"));
        String districtName = registry.institution(g.district()).orElseThrow().name();
        new Select(driver.findElement(By.cssSelector("#redirect-form select[name=toInstitutionId]")))
                .selectByVisibleText(districtName);
        driver.findElement(By.cssSelector("#redirect-form input[name=toDepartment]")).sendKeys("心内科");
        driver.findElement(By.cssSelector("#redirect-form input[name=reason]")).sendKeys("牵头医院超时未接收，改派区中心医院");
        driver.findElement(By.id("act-redirect")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        driver.findElement(By.id("confirm-ok")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.facts"), districtName));
        assertThat(driver.findElement(By.id("referral-status")).getText()).isEqualTo("已提交");
        browser.screenshot("office-escalation-redirected");

        // the district hospital now has it in its inbox
        var inbox = Api.as(port, g.districtUser()).get("/api/referrals?box=inbox");
        assertThat(inbox.body()).contains(number);
    }

    @Test
    void securityAdminCreatesAnAccountAndUnlocksALockedOne() throws IOException {
        String created = "plan-" + Long.toString(System.nanoTime(), 36);
        String locked = "lock-" + Long.toString(System.nanoTime(), 36);
        accounts.ensureAccount(new NewAccount(locked, "demo", "规划科 王芳", Role.PLANNER, Scope.jurisdiction("310105")));
        // wrong passwords until the account locks
        for (int i = 0; i < 10; i++) {
            driver.get(browser.url("/login"));
            driver.findElement(By.id("username")).sendKeys(locked);
            driver.findElement(By.id("password")).sendKeys("not-the-password");
            driver.findElement(By.id("login")).click();
            wait.until(ExpectedConditions.urlContains("/login?error"));
        }

        browser.login("secadmin");
        driver.findElement(By.linkText("账户管理")).click();
        wait.until(ExpectedConditions.urlContains("/console/accounts"));
        var create = driver.findElement(By.id("account-create"));
        create.findElement(By.name("username")).sendKeys(created);
        create.findElement(By.name("displayName")).sendKeys("长宁区规划科 张敏");
        new Select(create.findElement(By.name("role"))).selectByValue("PLANNER");
        new Select(create.findElement(By.name("scopeType"))).selectByValue("JURISDICTION");
        // the scope by name with the picker, not a typed code
        create.findElement(By.name("scopeQuery")).sendKeys("长宁");
        By changning = By.cssSelector("#create-scope-choices select[name=scopeReference] option[value='310105']");
        wait.until(ExpectedConditions.presenceOfElementLocated(changning));
        wait.until(d -> d.findElements(By.cssSelector("#create-scope-choices option")).stream()
                .allMatch(o -> o.getText().contains("长宁")));
        new Select(driver.findElement(By.cssSelector("#create-scope-choices select[name=scopeReference]"))).selectByValue("310105");
        driver.findElement(By.id("account-create")).findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("temporary-password")));
        assertThat(driver.findElement(By.id("temporary-password")).getText()).contains(created);

        // the list now shows just the new account; search the locked one
        var q = driver.findElement(By.id("account-filter")).findElement(By.name("q"));
        assertThat(q.getAttribute("value")).isEqualTo(created);
        q.clear();
        q.sendKeys(locked);
        driver.findElement(By.id("account-filter")).findElement(By.cssSelector("button[type=submit]")).click();
        By row = By.xpath("//table[@id='account-list']//tr[td[text()='" + locked + "']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已锁定"));
        browser.screenshot("secadmin-accounts-locked");
        driver.findElement(row).findElement(By.xpath(".//button[text()='解锁']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        driver.findElement(By.id("confirm-ok")).click();
        wait.until(d -> !d.findElement(row).getText().contains("已锁定"));
        assertThat(driver.getCurrentUrl()).as("the list comes back as it was filtered").contains("q=" + locked);
        assertThat(driver.findElement(By.cssSelector("p.toast")).getText()).contains("规划科 王芳");
        browser.screenshot("secadmin-accounts-unlocked");

        browser.login(locked);
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
    }
}
