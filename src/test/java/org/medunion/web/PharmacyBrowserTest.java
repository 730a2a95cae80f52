package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.RegistrySeeds;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16 in a real browser: a GP of a Shanghai community centre writes a 12-week prescription for a contracted
 * hypertension patient (RX-6 asks for the assessment note and the patient's confirmation, shown live), with a second
 * calcium-channel blocker the pre-screen flags; the centre's reviewer — the consortium's pre-review centre (RX-11) —
 * returns it for the duplicate, the GP removes the line and resubmits, the pharmacist approves, and the district
 * hospital the patient chose dispenses it (RX-15).
 */
class PharmacyBrowserTest extends BrowserJourney {

    @Test
    void RX6_RX11_RX15_twelveWeekPrescriptionIsReturnedForADuplicateFixedApprovedAndDispensedAtAnotherMember() throws IOException {
        var g = SchedulingFixture.group(registry, residents, accounts);
        String reviewer = account("lph", Role.PHARMACIST, g.lead().value());
        String dispenser = account("dph", Role.PHARMACIST, g.district().value());

        // the GP writes: resident by name, amlodipine for 12 weeks and levamlodipine for 84 days
        browser.login(g.gpUser());
        driver.get(browser.url("/console/pharmacy/prescribe"));
        driver.findElement(By.id("resident-search")).sendKeys("陈静");
        wait.until(d -> !d.findElements(By.cssSelector("#residents input[name=residentId]")).isEmpty());
        driver.findElement(By.cssSelector("#residents input[name=residentId]")).click();
        driver.findElement(By.id("diagnosisCode")).sendKeys("I10");
        driver.findElement(By.id("diagnosisText")).sendKeys("原发性高血压");
        driver.findElement(By.id("chronic")).click();
        driver.findElement(By.id("reason")).sendKeys("高血压病情稳定，需长期用药");
        fillLine(0, "F0001", "5", "12", "W");
        driver.findElement(By.id("add-line")).click();
        wait.until(d -> d.findElements(By.cssSelector("#lines .rx-line")).size() == 2);
        fillLine(1, "F0004", "2.5", "84", "D");
        // the live pre-screen: RX-6 asks for the assessment and the confirmation, and the fields appear
        wait.until(d -> d.findElement(By.id("prescreen")).getText().contains("RX-6"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assessmentNote")));
        driver.findElement(By.id("assessmentNote")).sendKeys("血压控制平稳，依从性好，已做用药教育");
        driver.findElement(By.id("patientConfirmed")).click();
        new Select(driver.findElement(By.id("dispensingInstitutionId"))).selectByValue(g.district().value().toString());
        driver.findElement(By.id("siteConfirmedByPatient")).click();
        // no blocking rule left; the duplication of two calcium-channel blockers is a finding for the pharmacist
        wait.until(d -> !d.findElements(By.id("findings")).isEmpty()
                && d.findElement(By.id("findings")).getText().contains("同类药物重复"));
        assertThat(driver.findElements(By.id("blocking"))).isEmpty();
        assertThat(driver.findElement(By.id("long-ceiling")).getText()).contains("84");
        browser.screenshot("pharmacy-prescribe");
        driver.findElement(By.id("rx-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("rx-status"), "待审核"));
        String number = driver.findElement(By.cssSelector("h1 span")).getText();
        assertThat(driver.findElement(By.id("rx-site")).getText()).contains("区中心医院");
        assertThat(driver.getPageSource()).doesNotContain(g.contracted().value().toString());

        // the pre-review centre's pharmacist: the queue count on the home page, then return for the duplicate
        browser.login(reviewer);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo")));
        assertThat(driver.findElement(By.id("todo")).getText().replaceAll("\\s+", " ")).contains("1 张处方待审核");
        driver.get(browser.url("/console/pharmacy/review"));
        driver.findElement(By.cssSelector("#rx-" + number + " a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return-form")));
        assertThat(driver.findElement(By.id("rx-findings")).getText()).contains("同类药物重复");
        new Select(driver.findElement(By.id("reasonCode"))).selectByValue("DUPLICATE");
        driver.findElement(By.id("return-details")).sendKeys("氨氯地平与左旋氨氯地平同为钙通道阻滞剂");
        driver.findElement(By.id("act-return")).click();
        wait.until(ExpectedConditions.textToBe(By.id("rx-status"), "已退回"));
        browser.screenshot("pharmacy-returned");

        // the GP: the returned one is first in the list; remove the second drug and resubmit
        browser.login(g.gpUser());
        driver.get(browser.url("/console/pharmacy/prescriptions"));
        WebElement first = driver.findElement(By.cssSelector("#prescription-rows tr.prescription"));
        assertThat(first.getAttribute("id")).isEqualTo("rx-" + number);
        assertThat(first.getText()).contains("已退回").contains("重复用药");
        first.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("act-fix"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#lines .rx-line")).size() == 2);
        // both lines are a whole number of weeks: shown back as 12 weeks
        for (WebElement line : driver.findElements(By.cssSelector("#lines .rx-line"))) {
            assertThat(line.findElement(By.cssSelector(".rx-days")).getAttribute("value")).isEqualTo("12");
            assertThat(new Select(line.findElement(By.cssSelector(".rx-supply-unit"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("W");
        }
        driver.findElements(By.cssSelector("#lines .rx-line")).get(1).findElement(By.cssSelector(".rx-remove")).click();
        wait.until(d -> d.findElements(By.cssSelector("#lines .rx-line")).size() == 1);
        wait.until(d -> d.findElement(By.id("prescreen")).getText().contains("未发现问题"));
        browser.screenshot("pharmacy-fix");
        assertThat(driver.findElement(By.id("prescreen")).getText()).doesNotContain("同类药物重复");
        assertThat(driver.findElement(By.id("assessmentNote")).isDisplayed()).isTrue();
        driver.findElement(By.id("rx-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("rx-status"), "待审核"));
        assertThat(driver.findElements(By.cssSelector("#rx-items tr.rx-item"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("#rx-items tr.rx-item")).getText()).contains("12 周（84 天）");

        // the pharmacist approves
        browser.login(reviewer);
        driver.get(browser.url("/console/pharmacy/review"));
        driver.findElement(By.cssSelector("#rx-" + number + " a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("act-approve"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("rx-status"), "审核通过"));

        // the district hospital the patient chose dispenses
        browser.login(dispenser);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("todo")));
        assertThat(driver.findElement(By.id("todo")).getText().replaceAll("\\s+", " ")).contains("1 张处方待发药");
        driver.get(browser.url("/console/pharmacy/dispensing"));
        driver.findElement(By.cssSelector("#rx-" + number + " a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("act-dispense"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("rx-status"), "已发药"));
        browser.screenshot("pharmacy-dispensed");
    }

    private void fillLine(int index, String drug, String dose, String supply, String unit) {
        WebElement line = driver.findElements(By.cssSelector("#lines .rx-line")).get(index);
        new Select(line.findElement(By.cssSelector(".rx-drug"))).selectByValue(drug);
        line.findElement(By.cssSelector(".rx-dose")).sendKeys(dose);
        new Select(line.findElement(By.cssSelector(".rx-supply-unit"))).selectByValue(unit);
        line.findElement(By.cssSelector(".rx-days")).sendKeys(supply, Keys.TAB); // leaving the field runs the live check
    }

    private String account(String prefix, Role role, UUID institution) {
        String name = RegistrySeeds.unique(prefix);
        accounts.ensureAccount(new NewAccount(name, "demo", prefix + " " + name, role, Scope.institution(institution)));
        return name;
    }

}
