package org.medunion.diagnostics;

/** An imported report: recorded now ({@code created}), or recorded before under the same identifier. */
public record ImportedReport(ReportView report, boolean created) {
}
