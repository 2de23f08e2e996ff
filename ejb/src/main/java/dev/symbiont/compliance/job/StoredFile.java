package dev.symbiont.compliance.job;

import dev.symbiont.compliance.render.ReportFormat;

/** One rendered file of a finished report, as listed (content and manifest are fetched separately). */
public record StoredFile(ReportFormat format, String fileName, long size, String sha256Hex) {
}
