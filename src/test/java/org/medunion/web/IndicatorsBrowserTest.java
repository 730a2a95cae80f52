package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 17 in a real browser: the demo planner opens the indicator dashboard, sees a consortium below the NN-9
 * level-4 surgery target (I-5 missed), drills to the discharges behind the value, then assesses the annual
 * assessment the 长宁 office has self-assessed, freezes it and downloads its PDF — one journey, as the issue asks.
 */
class IndicatorsBrowserTest extends BrowserJourney {

    @Test
    void NN9_plannerSeesAConsortiumBelowTheLevel4SurgeryTarget_drillsToItsDischarges_andExportsTheAnnualAssessment()
            throws IOException, InterruptedException {
        String period = YearMonth.now().minusMonths(1).toString();
        // which demo consortium misses the target, found through the API the dashboard itself uses
        var api = Api.as(port, "planner");
        String missing = null;
        for (var c : api.get("/api/registry/consortia").json()) {
            String id = c.get("id").isObject() ? c.get("id").get("value").asString() : c.get("id").asString();
            var v = api.get("/api/indicators/values/I-5?level=CONSORTIUM&subject=" + id + "&period=" + period);
            if (v.status() == 200 && v.json().get("target").get("met").isBoolean()
                    && !v.json().get("target").get("met").asBoolean()) {
                missing = id;
                break;
            }
        }
        assertThat(missing).as("a demo consortium below the NN-9 level-4 surgery share").isNotNull();

        driver.get(browser.url("/login"));
        driver.findElement(By.id("username")).sendKeys("planner");
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(browser.url("/console/indicators?subject=CONSORTIUM:" + missing + "&period=" + period + "&trend=I-5"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("row-I-5")));
        var row = driver.findElement(By.id("row-I-5"));
        assertThat(row.findElement(By.cssSelector(".bad")).getText()).isEqualTo("未达标");
        assertThat(row.getText()).contains("≥ 0.12");
        wait.until(d -> d.findElement(By.id("trend-chart")).getAttribute("data-drawn") != null);
        browser.screenshot("indicators-dashboard");
        row.findElement(By.cssSelector("a.drill")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("encounter-rows")));
        var rows = driver.findElements(By.cssSelector("#encounter-rows tr.encounter"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getText()).contains("出院");
        browser.screenshot("indicators-drill-down");

        assessFreezeAndExportTheAnnualAssessment();
    }

    /**
     * The annual assessment the 长宁 office has self-assessed: the commission's external assessment, the freeze through
     * the confirmation dialog and the PDF downloaded from the page's link with the browser's session.
     */
    private void assessFreezeAndExportTheAnnualAssessment() throws IOException, InterruptedException {
        int year = LocalDate.now().getYear();
        driver.get(browser.url("/console/assessments"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessments")));
        WebElement annual = driver.findElements(By.cssSelector("#assessments tr.assessment[data-kind=ANNUAL]")).stream()
                .filter(r -> r.getText().contains("长宁") && r.getText().contains(Integer.toString(year))).findFirst()
                .orElseThrow(() -> new AssertionError("the 长宁 annual assessment of " + year));
        assertThat(annual.getText()).contains("年度考核");
        annual.findElement(By.tagName("a")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("external-form")));
        assertThat(driver.findElement(By.id("figures-state")).getText()).contains("实时预览");
        assertThat(driver.findElement(By.id("rating-D-1")).getText()).contains("良好");
        browser.screenshot("assessment-preview");
        var form = driver.findElement(By.id("external-form"));
        for (WebElement select : form.findElements(By.cssSelector("select[name=rating]"))) {
            new Select(select).selectByValue("GOOD");
        }
        new Select(form.findElement(By.name("overallRating"))).selectByValue("GOOD");
        form.findElement(By.name("conclusion")).sendKeys("年度考核结论：各维度良好，同意自评结论。");
        driver.findElement(By.id("external-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("freeze-form")));
        assertThat(driver.findElement(By.id("assessment-done")).getText()).isEqualTo("外部评价已保存。");
        driver.findElement(By.id("freeze-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertThat(driver.findElement(By.cssSelector("#confirm-dialog .confirm-text")).getText()).contains("冻结");
        driver.findElement(By.id("confirm-ok")).click();
        wait.until(ExpectedConditions.textToBe(By.id("assessment-status"), "已冻结"));
        assertThat(driver.findElement(By.id("figures-state")).getText()).startsWith("已冻结");
        assertThat(driver.findElements(By.id("freeze-form"))).isEmpty();
        browser.screenshot("assessment-frozen");

        // the download, as the browser would fetch it: the link's address with the session's cookie
        String href = driver.findElement(By.id("export-pdf")).getAttribute("href");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".pdf");
        try (var doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(year + "年 年度考核").contains("长宁").contains("已冻结")
                    .contains("同意自评结论");
        }
    }

}
