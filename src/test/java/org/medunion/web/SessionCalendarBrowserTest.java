package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14's calendar in a real browser, with the demo accounts: the consortium office creates a weekly joint clinic
 * of the lead hospital at the gp's community health centre; the calendar shows this week's session, planned; the gp
 * of the host centre opens it from the calendar and records it held with a resident seen; the calendar then shows it
 * held with one patient seen. Screenshots go to target/screenshots/.
 */
class SessionCalendarBrowserTest extends BrowserJourney {

    static final String LEAD = "上海市长宁区区域医疗中心";
    static final String CENTRE = "华阳路社区卫生服务中心";
    static final String TITLE = "浏览器测试联合门诊";

    @Test
    void officeCreatesAWeeklyJointClinic_gpRecordsItHeld_calendarShowsItHeld() throws IOException {
        var found = Api.as(port, "gp").get("/api/residents?name=%E7%8E%8B&limit=1");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        String residentName = found.json().get(0).get("name").asString();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        browser.login("office");
        driver.get(browser.url("/console/consultations/calendar"));
        driver.findElement(By.id("series-new")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("series-form")));
        // a refused form names the field: no title
        new Select(driver.findElement(By.name("kind"))).selectByValue("JOINT_CLINIC");
        driver.findElement(By.id("series-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error, .feedback")));
        assertThat(driver.getPageSource()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<");

        driver.findElement(By.name("title")).sendKeys(TITLE);
        choose("hostInstitutionId", CENTRE);
        choose("visitingInstitutionId", LEAD);
        driver.findElement(By.name("department")).sendKeys("心内科");
        new Select(driver.findElement(By.name("recurrence"))).selectByValue("WEEKLY");
        new Select(driver.findElement(By.name("weekday"))).selectByValue(String.valueOf(today.getDayOfWeek().getValue()));
        setValue(By.name("startTime"), "00:00");
        setValue(By.name("durationMinutes"), "30");
        setValue(By.name("firstDay"), today.toString());
        setValue(By.name("lastDay"), today.plusWeeks(4).toString());
        browser.screenshot("calendar-series-form");
        driver.findElement(By.id("series-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-saved")));
        WebElement entry = entry(today);
        assertThat(entry.findElement(By.className("session-status")).getText()).isEqualTo("计划中");
        assertThat(entry.getText()).contains("联合门诊").contains(CENTRE).contains(LEAD);
        browser.screenshot("calendar-week-planned");

        browser.login("gp");
        driver.get(browser.url("/console/consultations/calendar"));
        entry(today).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("record-form")));
        assertThat(driver.findElement(By.id("session-status")).getText()).isEqualTo("计划中");
        driver.findElement(By.name("q")).sendKeys(residentName);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#session-residents input[name=residentId]"))).click();
        WebElement record = driver.findElement(By.id("session-record"));
        record.click();
        // the page is replaced: Chromium reports the old button as stale or as "not in the document", both mean gone
        wait.until(d -> {
            try {
                record.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-status")));
        assertThat(driver.findElements(By.cssSelector(".feedback"))).as(driver.getPageSource()).isEmpty();
        assertThat(driver.findElement(By.id("session-status")).getText()).isEqualTo("已举行");
        assertThat(driver.findElement(By.id("session-patient-count")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("session-patients")).getText()).contains(residentName);

        driver.findElement(By.id("session-calendar")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("calendar-days")));
        WebElement held = entry(today);
        assertThat(held.findElement(By.className("session-status")).getText()).isEqualTo("已举行");
        assertThat(held.findElement(By.className("session-patients")).getText()).isEqualTo("接诊 1 人");
        browser.screenshot("calendar-week-held");
    }

    /** This test's session on the day, found by its series' title. */
    private WebElement entry(LocalDate day) {
        return driver.findElements(By.cssSelector("#calendar-days li[data-day='" + day + "'] li.session")).stream()
                .filter(e -> e.getText().contains(TITLE)).findFirst()
                .orElseThrow(() -> new AssertionError("no session of " + TITLE + " on " + day + ": " + driver.getPageSource()));
    }

    private void choose(String select, String nameContains) {
        var s = new Select(driver.findElement(By.name(select)));
        s.getOptions().stream().filter(o -> o.getText().contains(nameContains)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + nameContains + " in " + select)).click();
    }

    /** Date and time inputs take their value the way a picker sets it (typing depends on the browser's locale). */
    private void setValue(By field, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(field), value);
    }
}
