package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 in a real browser: the demo GP orders an HbA1c test for the demo resident whose HbA1c from the lead
 * hospital is 40 days old — it is offered (window 60 days) and recognised, so no order is placed; then an electrolyte
 * panel, whose result is 8 days old — not offered, the 7-day window named as the reason — re-examined with reason
 * 02 and ordered at the 长宁 lab centre.
 */
class DiagnosticsBrowserTest extends BrowserJourney {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Test
    void gpRecognisesAFortyDayHba1c_andIsNotOfferedAnEightDayElectrolytePanel() throws IOException {
        LocalDate today = LocalDate.now(SHANGHAI);
        String idNumber = jdbc.sql("""
                select r.id_number from residents_resident r
                join diagnostics_report a on a.resident_id = r.id and a.item_code = 'HBA1C' and a.result_date = :forty
                join diagnostics_report e on e.resident_id = r.id and e.item_code = 'ELEC4' and e.result_date = :eight""")
                .param("forty", today.minusDays(40)).param("eight", today.minusDays(8)).query(String.class).single();
        long ordersBefore = count("select count(*) from diagnostics_order");
        long recognitionsBefore = count("select count(*) from diagnostics_decision where outcome = 'RECOGNISED'");

        browser.login("gp");

        // HbA1c: the 40-day-old result of the lead hospital is offered, with its reasons; the GP recognises it
        chooseResidentAndItem(idNumber, "糖化血红蛋白A1c");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-window"), "60"));
        WebElement forty = candidate("40 天前");
        assertThat(forty.getAttribute("class")).contains("offered").doesNotContain("not-offered");
        assertThat(forty.getText()).contains("上海市长宁区区域医疗中心").contains("可互认，因为").contains("在互认时限内：40 天前，时限 60 天")
                .contains("全国HR");
        browser.screenshot("diagnostics-offer-hba1c");
        forty.findElement(By.cssSelector("input[name=choice]")).click();
        driver.findElement(By.id("order-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recognised")));
        assertThat(driver.findElement(By.id("recognised")).getText()).contains("已互认糖化血红蛋白A1c").contains("60");
        assertThat(count("select count(*) from diagnostics_decision where outcome = 'RECOGNISED'")).isEqualTo(recognitionsBefore + 1);
        assertThat(count("select count(*) from diagnostics_order")).as("no repeat test ordered").isEqualTo(ordersBefore);

        // electrolytes: the 8-day-old result is not offered, the 7-day window is the reason; re-examined and ordered
        chooseResidentAndItem(idNumber, "电解质四项（钾、钠、氯、钙）");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-window"), "7"));
        WebElement eight = candidate("8 天前");
        assertThat(eight.getAttribute("class")).contains("not-offered");
        assertThat(eight.findElements(By.cssSelector("input[name=choice]"))).isEmpty();
        assertThat(eight.getText()).contains("不可互认，因为").contains("超过互认时限 1 天（时限 7 天，结果已 8 天）");
        browser.screenshot("diagnostics-offer-electrolytes");
        driver.findElement(By.id("choice-reexamine")).click();
        new Select(driver.findElement(By.id("reason-code"))).selectByValue("02");
        driver.findElement(By.id("order-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-saved")));
        assertThat(driver.findElement(By.id("order-facts")).getText()).contains("长宁区域医学检验中心");
        assertThat(count("select count(*) from diagnostics_order")).isEqualTo(ordersBefore + 1);
        browser.screenshot("diagnostics-order-placed");
    }

    private void chooseResidentAndItem(String idNumber, String item) {
        driver.get(browser.url("/console/diagnostics/order"));
        var search = wait.until(ExpectedConditions.elementToBeClickable(By.id("resident-search")));
        search.sendKeys(idNumber);
        var radio = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#residents input[name=residentId]")));
        radio.click();
        new Select(driver.findElement(By.id("item"))).selectByVisibleText(item);
    }

    private WebElement candidate(String age) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("candidates")));
        return driver.findElements(By.cssSelector("#candidates tbody tr")).stream().filter(r -> r.getText().contains(age))
                .findFirst().orElseThrow(() -> new AssertionError("no candidate " + age + " in "
                        + driver.findElement(By.id("candidates")).getText()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
