package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The planner's and the security administrator's workbench in a real browser, on the demo city: the planner reads
 * the findings-by-district and release charts (drawn by console.js under the strict CSP), follows a finding from
 * the workbench to its line on the compliance page and exports the findings (the download is an Excel file); the
 * security administrator's locked-accounts count leads to the filtered account list. Screenshots:
 * target/screenshots/.
 */
class PlannerWorkbenchBrowserTest extends BrowserJourney {

    private @Nullable Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void awaitChart(String id) {
        wait.until(d -> "yes".equals(js("var c = document.getElementById(arguments[0]); return c && c.dataset.drawn;", id)));
    }

    @Test
    void plannerReadsTheChartsOpensAFindingAndExports() throws IOException {
        browser.login("planner");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("findings-card")));
        awaitChart("findingChart");
        awaitChart("releaseChart");

        // the chart shows what the table lists: a bar per district, by name, with the same counts
        List<WebElement> rows = driver.findElements(By.cssSelector("#findings-by-district tr"));
        assertThat(rows).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Object> labels = (List<Object>) Objects
                .requireNonNull(js("return Chart.getChart(document.getElementById('findingChart')).data.labels;"));
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) Objects
                .requireNonNull(js("return Chart.getChart(document.getElementById('findingChart')).data.datasets[0].data;"));
        assertThat(labels).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            var cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(labels.get(i).toString()).isEqualTo(cells.get(0).getText()).doesNotContainPattern("^[0-9]{6}$");
            assertThat(((Number) values.get(i)).longValue()).isEqualTo(Long.parseLong(cells.get(1).getText()));
        }
        assertThat(driver.findElement(By.id("release-figures")).getText()).contains("门诊号源下沉比例").contains("下沉号源使用率");
        browser.screenshot("planner-workbench-charts");

        // a finding from the workbench: the compliance page of its district, scrolled to its line
        WebElement latest = driver.findElement(By.cssSelector("#latest-findings li a"));
        String message = latest.getText();
        String href = Objects.requireNonNull(latest.getAttribute("href"));
        assertThat(href).contains("/console/compliance?jurisdiction=").contains("#finding-");
        latest.click();
        wait.until(ExpectedConditions.urlContains("/console/compliance"));
        String anchor = href.substring(href.indexOf('#') + 1);
        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(anchor)));
        assertThat(finding.getText()).contains(message);
        assertThat(js("return document.querySelector(':target') && document.querySelector(':target').id")).isEqualTo(anchor);
        browser.screenshot("planner-finding");

        // export: the link downloads an Excel workbook (fetched in the page, with the planner's session)
        String exportHref = driver.findElement(By.id("export")).getAttribute("href");
        Object download = Objects.requireNonNull(((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + '|' + r.headers.get('content-type')
                    + '|' + r.headers.get('content-disposition') + '|' + new Uint8Array(b).slice(0, 2).join(',') + '|' + b.byteLength)))
                  .catch(e => done('failed ' + e));""", exportHref));
        String[] parts = download.toString().split("\\|");
        assertThat(parts[0]).as(download.toString()).isEqualTo("200");
        assertThat(parts[1]).contains("spreadsheetml");
        assertThat(parts[2]).contains("attachment").contains(".xlsx");
        assertThat(parts[3]).as("a zip (xlsx) file starts with PK").isEqualTo("80,75");
        assertThat(Long.parseLong(parts[4])).isGreaterThan(1000);
    }

    @Test
    void securityAdminsLockedCountLeadsToTheFilteredList() throws IOException {
        browser.login("secadmin");
        var locked = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("locked-accounts")));
        String count = locked.findElement(By.className("num")).getText();
        browser.screenshot("secadmin-workbench");
        locked.click();
        wait.until(ExpectedConditions.urlContains("/console/accounts?locked=true"));
        assertThat(driver.findElement(By.cssSelector("#account-filter input[name=locked]")).isSelected()).isTrue();
        assertThat(driver.findElements(By.cssSelector("#account-list tbody tr"))).hasSize(Math.min(20, Integer.parseInt(count)));
    }

    /**
     * A posted form shows that it is working and does not post twice (console.js): the planner's "重新评估" posts into a
     * hidden frame here, so the page stays and the button can be read.
     */
    @Test
    void aPostedFormShowsItIsWorkingAndDoesNotPostTwice() {
        browser.login("planner");
        driver.get(browser.url("/console/compliance"));
        var form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[action='/console/compliance/evaluate']")));
        js("""
                window.medunionSubmits = [];
                window.addEventListener('submit', function (e) { window.medunionSubmits.push(e.defaultPrevented); });
                var frame = document.createElement('iframe'); frame.name = 'sink'; frame.hidden = true;
                document.body.appendChild(frame); arguments[0].target = 'sink';""", form);
        var button = form.findElement(By.cssSelector("button[type=submit]"));
        button.click();
        button.click();
        assertThat(js("return window.medunionSubmits;")).as("the second click is held back").isEqualTo(List.of(false, true));
        assertThat(button.getAttribute("class")).contains("busy");
        assertThat(form.getAttribute("aria-busy")).isEqualTo("true");
    }
}
