package dev.symbiont.compliance.job;

import dev.symbiont.compliance.render.ReportFormat;

/** A rendered report file and the signed manifest (JSON) that lists it, ready to store. */
record RenderedFile(ReportFormat format, String fileName, byte[] content, byte[] sha256, String manifestJson) {
}
