package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.medunion.support.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 17 in a real browser: the demo planner opens the indicator dashboard, sees a consortium below the NN-9
 * level-4 surgery target (I-5 missed) and drills to the discharges behind the value.
 */
class IndicatorsBrowserTest extends BrowserJourney {

    @Test
    void NN9_plannerSeesAConsortiumBelowTheLevel4SurgeryTarget_andDrillsToItsDischarges() throws IOException {
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
    }

}
