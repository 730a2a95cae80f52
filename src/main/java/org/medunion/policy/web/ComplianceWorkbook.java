package org.medunion.policy.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medunion.policy.internal.ComplianceReport;
import org.medunion.policy.internal.DispatchReports;
import org.medunion.policy.internal.PolicyService;
import org.medunion.policy.internal.StoredFinding;
import org.medunion.policy.rules.FindingStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The compliance report as .xlsx: one sheet of rules with their status, one of findings with evidence and dates. */
@Component
class ComplianceWorkbook {

    private final MessageSource messages;
    private final PolicyService service;

    ComplianceWorkbook(MessageSource messages, PolicyService service) {
        this.messages = messages;
        this.service = service;
    }

    /** SH-12's report: one row per dispatched person, with the day it describes and the owner bodies to address. */
    byte[] write(DispatchReports.DispatchReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("SH-12");
            header(sheet, locale, "policy.dispatch.person", "policy.dispatch.kind", "policy.dispatch.discipline",
                    "policy.dispatch.from", "policy.dispatch.to", "policy.dispatch.start", "policy.dispatch.end",
                    "policy.dispatch.title", "policy.dispatch.titleDate", "policy.dispatch.complete", "policy.dispatch.served",
                    "policy.dispatch.servedLongTerm", "policy.xlsx.asOf");
            int r = 1;
            for (var line : report.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.name());
                row.createCell(1).setCellValue(text("enum.DispatchKind." + line.kind(), locale)
                        + (line.managerRole() == null ? "" : " · " + text("enum.ManagerRole." + line.managerRole(), locale)));
                row.createCell(2).setCellValue(line.discipline());
                row.createCell(3).setCellValue(line.fromInstitution());
                row.createCell(4).setCellValue(line.toInstitution());
                row.createCell(5).setCellValue(String.valueOf(line.startDate()));
                row.createCell(6).setCellValue(line.endDate() == null ? "" : line.endDate().toString());
                row.createCell(7).setCellValue(line.title() == null ? "" : text("enum.Title." + line.title(), locale));
                row.createCell(8).setCellValue(line.titleDate() == null ? "" : line.titleDate().toString());
                row.createCell(9).setCellValue(text(line.complete() ? "common.yes" : "common.no", locale));
                row.createCell(10).setCellValue(line.servedDays());
                row.createCell(11).setCellValue(text(line.servedLongTerm() ? "common.yes" : "common.no", locale));
                row.createCell(12).setCellValue(report.asOf().toString());
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] write(ComplianceReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        try (var wb = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet rules = wb.createSheet(text("policy.xlsx.rules", locale));
            header(rules, locale, "policy.xlsx.rule", "policy.xlsx.pack", "policy.xlsx.severity", "policy.xlsx.title", "policy.xlsx.status",
                    "policy.xlsx.count", "policy.xlsx.clause");
            int r = 1;
            for (var rr : report.rules()) {
                Row row = rules.createRow(r++);
                row.createCell(0).setCellValue(rr.rule().id());
                row.createCell(1).setCellValue(rr.rule().pack().name());
                row.createCell(2).setCellValue(text("policy.severity." + rr.rule().severity(), locale));
                row.createCell(3).setCellValue(rr.title());
                row.createCell(4).setCellValue(text("policy.status." + rr.status(), locale));
                row.createCell(5).setCellValue(rr.findings().stream().filter(f -> !f.resolved()).count());
                row.createCell(6).setCellValue(rr.rule().clause());
            }
            Sheet findings = wb.createSheet(text("policy.xlsx.findings", locale));
            header(findings, locale, "policy.xlsx.rule", "policy.xlsx.status", "policy.xlsx.subject", "policy.xlsx.message",
                    "policy.xlsx.evidence", "policy.xlsx.objects", "policy.xlsx.firstSeen", "policy.xlsx.resolvedAt",
                    "policy.xlsx.overrideReason", "policy.xlsx.asOf");
            var reasons = service.overrideReasons();
            r = 1;
            for (var rr : report.rules()) {
                for (StoredFinding f : rr.findings()) {
                    Row row = findings.createRow(r++);
                    row.createCell(0).setCellValue(f.ruleId());
                    row.createCell(1).setCellValue(text("policy.status." + f.state(), locale));
                    row.createCell(2).setCellValue(f.subjectName());
                    row.createCell(3).setCellValue(service.message(f));
                    row.createCell(4).setCellValue(service.evidence(f));
                    row.createCell(5).setCellValue(String.join(" ", f.objects()));
                    row.createCell(6).setCellValue(f.firstSeen().toString());
                    row.createCell(7).setCellValue(f.resolvedAt() == null ? "" : f.resolvedAt().toString());
                    // the reason travels with what it allowed (rules.md interpretation notes)
                    row.createCell(8).setCellValue(f.status() == FindingStatus.OVERRIDDEN ? reasons.getOrDefault(f.key(), "") : "");
                    row.createCell(9).setCellValue(String.valueOf(f.asOf() != null ? f.asOf() : report.asOf()));
                }
            }
            rules.setColumnWidth(3, 40 * 256);
            rules.setColumnWidth(6, 80 * 256);
            findings.setColumnWidth(3, 60 * 256);
            findings.setColumnWidth(4, 60 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(Sheet sheet, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(text(keys[i], locale));
        }
    }

    private String text(String key, Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
    }
}
