package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14 in a real browser, with the demo accounts: the GP of the community health centre picks a resident by
 * name and asks the lead hospital for a remote consultation with the patient's written consent; the specialist
 * finds it in the work list, accepts it with the answering physician picked from the hospital's list, holds the
 * session, writes and signs the opinion; the GP acknowledges it and closes the case; the signed opinion is on both
 * sides. Screenshots go to target/screenshots/.
 */
class ConsultationBrowserTest extends BrowserJourney {

    static final String LEAD = "上海市长宁区区域医疗中心";
    static final String OPINION = "建议加用缬沙坦 80 mg 每日一次，两周后社区复测血压";

    @Test
    void gpAsksWithConsent_specialistAcceptsHoldsSignsTheOpinion_gpAcknowledgesAndCloses() throws IOException {
        // a resident of the gp's centre, as the gp's own resident search finds them
        var found = Api.as(port, "gp").get("/api/residents?name=%E7%8E%8B&limit=1");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().size()).as("a demo resident named 王…").isPositive();
        var idNode = found.json().get(0).get("id");
        String residentId = idNode.isObject() ? idNode.get("value").asString() : idNode.asString();
        String residentName = found.json().get(0).get("name").asString();

        login("gp");
        driver.get(url("/console/consultations/new"));
        var search = driver.findElement(By.name("q"));
        search.sendKeys(residentName);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#residents input[name=residentId][value='" + residentId + "']"))).click();
        new Select(driver.findElement(By.name("type"))).selectByValue("REMOTE");
        new Select(driver.findElement(By.name("urgency"))).selectByValue("ROUTINE");
        // choosing the resident ranks the invited institutions by routing (TM-15, SH-15, then the consortium)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#invited-select optgroup option")));
        var lead = driver.findElements(By.cssSelector("#invited-select optgroup option")).stream()
                .filter(o -> o.getText().startsWith(LEAD)).findFirst().orElseThrow();
        assertThat(lead.getText()).as("the lead hospital with the reason it is suggested").contains(" · ");
        lead.click();
        // the result picker follows the chosen resident (decision 0260): the resident's results the gp may read, or none
        wait.until(d -> !d.findElement(By.id("results-picker")).getText().contains("先选择居民"));
        driver.findElements(By.cssSelector("#results-picker input[name=reportId]")).stream().findFirst()
                .ifPresent(WebElement::click);
        driver.findElement(By.name("toDepartment")).sendKeys("心内科");
        driver.findElement(By.name("invitedSpecialty")).sendKeys("心血管内科");
        driver.findElement(By.name("invitedTitle")).sendKeys("主任医师");
        driver.findElement(By.name("reason")).sendKeys("血压控制不佳");
        driver.findElement(By.name("purpose")).sendKeys("调整降压方案");
        setValue(By.name("proposedTime"), LocalDate.now().plusDays(1) + "T10:00");
        driver.findElement(By.name("recordSummary")).sendKeys("近两周家庭自测血压 165/100 mmHg，已服氨氯地平 5 mg");
        new Select(driver.findElement(By.name("consentSigner"))).selectByValue("PATIENT");
        setValue(By.name("consentSignedOn"), LocalDate.now().minusDays(1).toString());
        screenshot("consultation-request");
        driver.findElement(By.id("consultation-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-status")));
        var m = Pattern.compile("/console/consultations/([0-9a-f-]{36})").matcher(driver.getCurrentUrl());
        assertThat(m.find()).as(driver.getCurrentUrl()).isTrue();
        String id = m.group(1);
        assertThat(status()).isEqualTo("待受邀方决定");

        login("specialist");
        driver.get(url("/console/consultations?box=TO_ME"));
        driver.findElement(By.cssSelector("#consultation-rows a[href$='" + id + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
        assertThat(driver.findElement(By.id("record-summary")).getText()).contains("165/100");
        new Select(driver.findElement(By.cssSelector("#accept-form select[name=expertPractitionerId]")))
                .selectByValue(seniorPhysicianOfTheLead().toString());
        setValue(By.cssSelector("#accept-form input[name=sessionAt]"), LocalDate.now().plusDays(1) + "T10:00");
        click("act-accept");
        assertThat(status()).isEqualTo("已接受");
        click("act-start");
        assertThat(status()).isEqualTo("会诊中");
        driver.findElement(By.id("opinion-input")).sendKeys(OPINION);
        click("act-opinion");
        assertThat(status()).isEqualTo("意见草稿");
        click("act-sign");
        assertThat(status()).isEqualTo("意见已签名");
        assertThat(driver.findElement(By.id("opinion-signed")).getText()).isNotBlank();
        screenshot("consultation-signed");

        login("gp");
        driver.get(url("/console/consultations/" + id));
        assertThat(driver.findElement(By.id("opinion-text")).getText()).isEqualTo(OPINION);
        // signed by the specialist, named as people read names (the demo account's display name), not the login
        assertThat(driver.findElement(By.id("opinion-signed")).getText()).contains("张伟").doesNotContain("specialist");
        click("act-acknowledge");
        assertThat(status()).isEqualTo("邀请方已确认");
        click("act-close");
        assertThat(status()).isEqualTo("已结束");
        assertThat(driver.findElement(By.id("opinion-text")).getText()).isEqualTo(OPINION);
        assertThat(driver.findElements(By.id("consultation-actions"))).isEmpty();
        screenshot("consultation-closed");

        // the signed opinion is filed on the invited side too
        login("specialist");
        driver.get(url("/console/consultations/" + id));
        assertThat(status()).isEqualTo("已结束");
        assertThat(driver.findElement(By.id("opinion-text")).getText()).isEqualTo(OPINION);
        assertThat(driver.findElement(By.id("opinion-signed")).getText()).isNotBlank();
    }

    /** The lead hospital's physician with the longest practice (TM-5 asks for three years at least). */
    private UUID seniorPhysicianOfTheLead() {
        var lead = registry.searchInstitutions(new org.medunion.registry.InstitutionSearch(LEAD, null, null, null, null,
                null, null, 0, 5)).stream().filter(i -> i.name().equals(LEAD)).findFirst().orElseThrow();
        return registry.practitioners(new InstitutionId(lead.id().value())).stream()
                .filter(p -> p.profession() == Profession.PHYSICIAN)
                .min(Comparator.comparing(PractitionerView::titleDate).thenComparing(PractitionerView::name))
                .orElseThrow().id().value();
    }

    /** Clicks a step's button and waits for the page it leads back to. */
    private void click(String button) {
        WebElement b = driver.findElement(By.id(button));
        b.click();
        wait.until(d -> replaced(b));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-status")));
        assertThat(driver.findElements(By.cssSelector(".feedback, .errors"))).as(driver.getPageSource()).isEmpty();
    }

    /**
     * Whether the page swapped the element out. Chromium sometimes reports a node replaced in the middle of the
     * check as "does not belong to the document" rather than as a stale element; both mean the page moved on.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private String status() {
        return driver.findElement(By.id("consultation-status")).getText();
    }

    /** Date and time inputs take their value the way a picker sets it (typing depends on the browser's locale). */
    private void setValue(By field, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(field), value);
    }

    private void login(String user) {
        browser.login(user);
    }

    private String url(String path) {
        return browser.url(path);
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
