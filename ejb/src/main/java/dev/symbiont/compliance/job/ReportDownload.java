package dev.symbiont.compliance.job;

/** A stored file (or its manifest) as it is sent: the name to save it under and its bytes. */
public record ReportDownload(String fileName, byte[] content) {
}
