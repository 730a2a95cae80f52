package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.RegisterResident;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.medunion.support.RegistrySeeds;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinical side of issue 18 in a real browser, as a user would walk it: the GP finds a resident of the centre
 * by name and by ID number, signs a family-doctor contract, books a slot reserved for primary care with the
 * picker (no internal ID typed) and refers the resident up; the lead hospital's specialist sees the GP's clinical
 * summary, accepts with a slot, records the arrival and completes the referral. Screenshots: target/screenshots/.
 */
class CareJourneyBrowserTest extends BrowserJourney {

    private static final String DIGITS = "零一二三四五六七八九";

    @Autowired
    SystemScheduling systemScheduling;

    /** A Chinese name no demo resident has: 林 and the digits of a counter as Chinese numerals. */
    static String uniqueName(String family) {
        var name = new StringBuilder(family);
        String n = Long.toString(System.nanoTime() % 1_000_000);
        n.chars().forEach(c -> name.append(DIGITS.charAt(c - '0')));
        return name.toString();
    }

    @Test
    void gpFindsSignsBooksRefers_specialistSeesSummaryAcceptsArrivesCompletes() throws IOException {
        var g = SchedulingFixture.group(registry, residents, accounts);
        var day = LocalDate.now().plusDays(2);
        systemScheduling.publishSchedules(List.of(new PublishSchedule(g.lead(), "心内科", "心血管内科", null,
                ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(1), LocalTime.of(8, 0), LocalTime.of(10, 0), 15, 2,
                "1/3", null)), "browser-test");
        String name = uniqueName("林");
        String idNumber = RegistrySeeds.idNumber();
        // a resident with a record at the GP's centre, not yet contracted
        residents.importResidents(List.of(new RegisterResident(idNumber, name, null, null, "13800138000", null,
                g.primary(), null)));
        String summary = "血压 172/104 mmHg，三种降压药联合治疗四周未达标，无靶器官损害症状";

        browser.login(g.gpUser());
        String residentPage = gpFindsTheResidentByNameAndIdNumber(name, idNumber);
        gpSignsAContract(residentPage, g.district(), g.lead());
        gpBooksAReservedSlot(name);
        String number = gpRefersUp(name, g.lead(), summary);

        browser.login(g.leadUser());
        specialistAcceptsArrivesCompletes(number, summary, name);
    }

    private String gpFindsTheResidentByNameAndIdNumber(String name, String idNumber) throws IOException {
        driver.findElement(By.linkText("居民与签约")).click();
        wait.until(ExpectedConditions.urlContains("/console/residents"));
        var form = driver.findElement(By.id("resident-search"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        var byName = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resident-results")));
        assertThat(byName.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        String shown = byName.getText();
        assertThat(shown).contains(name).as("the list masks the ID number").doesNotContain(idNumber);

        form = driver.findElement(By.id("resident-search"));
        form.findElement(By.name("name")).clear();
        form.findElement(By.name("idNumber")).sendKeys(idNumber);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("idNumber=" + idNumber));
        var byId = driver.findElement(By.id("resident-results"));
        assertThat(byId.findElements(By.cssSelector("tbody tr"))).hasSize(1);
        browser.screenshot("care-gp-resident-search");
        byId.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#resident h1"), name));
        return java.util.Objects.requireNonNull(driver.getCurrentUrl());
    }

    private void gpSignsAContract(String residentPage, InstitutionId district, InstitutionId lead) throws IOException {
        var sign = driver.findElement(By.id("sign"));
        String districtName = registry.institution(district).orElseThrow().name();
        String leadName = registry.institution(lead).orElseThrow().name();
        new Select(sign.findElement(By.name("districtHospitalId"))).selectByVisibleText(districtName);
        new Select(sign.findElement(By.name("municipalHospitalId"))).selectByVisibleText(leadName);
        sign.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contract"), leadName));
        assertThat(driver.getCurrentUrl()).isEqualTo(residentPage);
        assertThat(driver.findElement(By.id("contract")).getText()).contains("有效").contains(districtName);
        assertThat(driver.findElements(By.id("sign"))).as("no second contract form").isEmpty();
        browser.screenshot("care-gp-contract-signed");
    }

    private void gpBooksAReservedSlot(String name) throws IOException {
        driver.findElement(By.linkText("号源与床位")).click();
        wait.until(ExpectedConditions.urlContains("/console/schedules"));
        // the resident by name, as you type; the only match is picked
        driver.findElement(By.cssSelector("#slot-resident input[name=q]")).sendKeys(name);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#slot-resident input[name=residentId]:checked")));
        assertThat(driver.findElement(By.id("slot-resident")).getText()).contains(name);
        var search = driver.findElement(By.id("slot-search"));
        search.findElement(By.name("department")).sendKeys("心内科");
        search.findElement(By.cssSelector("form button[type=submit]")).click();
        By reserved = By.xpath("//div[@id='slot-results']//tr[td/span[text()='基层预留']]");
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(reserved));
        assertThat(driver.findElement(By.id("slot-results")).getText()).contains("专科号");
        row.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(reserved).findElement(By.cssSelector("span.ok")).getText().contains("心内科"));
        browser.screenshot("care-gp-slot-booked");
    }

    private String gpRefersUp(String name, InstitutionId lead, String summary) throws IOException {
        driver.findElement(By.linkText("新建转诊")).click();
        wait.until(ExpectedConditions.urlContains("/console/referrals/new"));
        driver.findElement(By.name("q")).sendKeys(name);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#residents input[name=residentId]"))).click();
        String to = lead.value().toString();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#destinations option[value='" + to + "']")));
        driver.findElement(By.name("toDepartment")).sendKeys("心内科");
        driver.findElement(By.name("diagnosisCode")).sendKeys("I10");
        driver.findElement(By.name("diagnosisText")).sendKeys("原发性高血压");
        driver.findElement(By.name("reason")).sendKeys("难治性高血压，需专科调整方案");
        driver.findElement(By.name("clinicalSummary")).sendKeys(summary);
        driver.findElement(By.name("noCriteriaReason")).sendKeys("本医联体尚未发布高血压转诊标准");
        // the destination fragment re-renders on every change (htmx): retry until the choice sticks
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            var select = d.findElement(By.cssSelector("#destinations select"));
            if (!to.equals(select.getAttribute("value"))) {
                new Select(select).selectByValue(to);
                return false;
            }
            return true;
        });
        browser.screenshot("care-gp-referral-new");
        driver.findElement(By.cssSelector("button[value=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已提交"));
        assertThat(driver.findElement(By.id("clinical-summary")).getText()).isEqualTo(summary);
        return driver.findElement(By.cssSelector("h1 span")).getText();
    }

    private void specialistAcceptsArrivesCompletes(String number, String summary, String name) throws IOException {
        driver.findElement(By.linkText("双向转诊")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(number))).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已提交"));
        assertThat(driver.findElement(By.id("clinical-summary")).getText()).isEqualTo(summary);
        assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains(name);
        // the slots come grouped by kind, day and department
        var slot = new Select(driver.findElement(By.cssSelector("#accept-form select[name=resourceId]")));
        assertThat(driver.findElements(By.cssSelector("#accept-form optgroup"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#accept-form optgroup")).getAttribute("label")).contains("专科号");
        slot.selectByIndex(1);
        driver.findElement(By.id("act-accept")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        driver.findElement(By.id("confirm-ok")).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已接收"));
        assertThat(driver.findElement(By.id("booking")).getText()).contains("心内科").contains("专科号");
        browser.screenshot("care-specialist-accepted");

        driver.findElement(By.id("act-arrive")).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已到诊"));
        driver.findElement(By.cssSelector("#complete-form textarea[name=summary]"))
                .sendKeys("调整为氨氯地平+缬沙坦+吲达帕胺，血压 138/86 mmHg，转回社区随访");
        driver.findElement(By.id("act-complete")).click();
        wait.until(ExpectedConditions.textToBe(By.id("referral-status"), "已完成（闭环）"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("转回社区随访");
        browser.screenshot("care-specialist-completed");
    }
}
