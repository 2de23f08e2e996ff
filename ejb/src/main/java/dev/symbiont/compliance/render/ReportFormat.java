package dev.symbiont.compliance.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a compliance report renders to, with the media type to send and the file extension to suggest. */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv", "csv"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named by its extension ({@code ?format=pdf}), ignoring case. */
    public static Optional<ReportFormat> fromExtension(String name) {
        return name == null ? Optional.empty() : Arrays.stream(values())
                .filter(format -> format.extension.equals(name.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
