package dev.symbiont.web.compliance;

import dev.symbiont.compliance.job.StoredFile;
import java.net.URI;

/** A downloadable file of a finished report, with where to get it and its signed manifest. */
public record ReportFileResponse(String format, String fileName, String mediaType, long size, String sha256,
                                 URI href, URI manifestHref) {

    static ReportFileResponse of(StoredFile file, URI reportUri) {
        URI href = URI.create(reportUri + "/files/" + file.format().extension());
        return new ReportFileResponse(file.format().extension(), file.fileName(), file.format().mediaType(),
                file.size(), file.sha256Hex(), href, URI.create(href + "/manifest"));
    }
}
