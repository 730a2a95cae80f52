package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decision 0238 in a real browser, under the console's Content Security Policy: the demo lab's import job page shows
 * the progress bar, htmx refreshes it every second without a script of ours, and once the job has ended the page shows
 * the figures and stops asking.
 */
class ResultImportBrowserTest extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theProgressBarFollowsTheJobUntilItEnds() throws IOException {
        UUID institution = UUID.fromString(jdbc.sql("select scope_ref from identity_account where username = 'centre'")
                .query(String.class).single());
        UUID job = UUID.randomUUID();
        jdbc.sql("""
                insert into diagnostics_import_job (id, performer_institution_id, uploaded_by, file_name, status, rows_total, rows_done,
                    created_count, existing_count, rejected_count, submitted_at, started_at)
                values (?, ?, 'centre', 'LIS导出.csv', 'RUNNING', 3000, 750, 750, 0, 0, current_timestamp, current_timestamp)""")
                .params(job, institution).update();

        browser.login("centre");
        driver.get(browser.url("/console/diagnostics/import/jobs/" + job));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-rows"), "750 / 3,000"));
        assertThat(driver.findElement(By.id("import-bar")).getAttribute("value")).isEqualTo("750");
        assertThat(driver.findElement(By.id("import-status")).getText()).isEqualTo("正在导入");
        browser.screenshot("result-import-running");

        // the worker moves on: the page follows without a reload
        jdbc.sql("update diagnostics_import_job set rows_done = 2100, created_count = 2100 where id = ?").param(job).update();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-rows"), "2,100 / 3,000 行（70%）"));
        jdbc.sql("""
                update diagnostics_import_job set status = 'DONE', rows_done = 3000, created_count = 2990, rejected_count = 0,
                    existing_count = 10, finished_at = current_timestamp where id = ?""").param(job).update();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "已完成"));
        assertThat(driver.findElement(By.id("import-figures")).getText()).contains("新写入报告 2,990 份").contains("已存在 10 份");
        assertThat(driver.findElement(By.id("import-progress")).getAttribute("hx-trigger")).as("polling stops").isNull();
        browser.screenshot("result-import-done");
    }
}
