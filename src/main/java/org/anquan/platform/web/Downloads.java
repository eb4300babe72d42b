package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * File names of downloads: in the user's language from the message files, sent as RFC 6266
 * {@code filename*} (UTF-8, percent-encoded), so a name can hold Chinese and never breaks the header.
 */
@Component
public class Downloads {

    private final Messages messages;

    Downloads(Messages messages) {
        this.messages = messages;
    }

    /** Marks the response a download named by the message {@code nameKey} with its arguments, plus the extension. */
    public void attach(HttpServletResponse response, String contentType, String extension, String nameKey, Object... args) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(messages.get(nameKey, args) + extension));
    }

    public static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    public static String inline(String filename) {
        return ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString();
    }

    /**
     * An uploaded file served back (evidence, proof): a picture shows in the page; a PDF or Word
     * document is downloaded, never opened in the site's origin; not sniffed, not cached.
     */
    public static ResponseEntity<byte[]> stored(String filename, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, contentType.startsWith("image/") ? inline(filename) : attachment(filename))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
