package org.anquan.platform.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.anquan.shared.BusinessException;

/**
 * Photos and rectification evidence, at most 10 MB, recognised by their bytes (not by name or
 * declared type). A photo is JPEG or PNG, decodable as an image, and free of markup or script that
 * would make the file a polyglot. Evidence may also be a PDF (a PDF header and end-of-file marker,
 * without JavaScript, launch actions or embedded files) or a Word document (.docx: a ZIP whose
 * directory holds the Word parts, without macros or embedded objects).
 */
public final class EvidenceCheck {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String[] MARKERS = {"<script", "<html", "<svg", "<?php", "<%", "javascript:", "<iframe", "<body"};

    private EvidenceCheck() {
    }

    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String[] PDF_ACTIVE = {"/javascript", "/js ", "/js(", "/js<", "/launch", "/embeddedfile", "/richmedia", "/openaction"};

    /** The content type of rectification evidence: a photo, a PDF or a Word document, each checked by its bytes. */
    public static String documentTypeOf(byte[] bytes, long maxPixels) {
        if (bytes != null && bytes.length > 5 && bytes.length <= MAX_BYTES && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D'
                && bytes[3] == 'F' && bytes[4] == '-') {
            checkPdf(bytes);
            return PDF;
        }
        if (bytes != null && bytes.length > 4 && bytes.length <= MAX_BYTES && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3
                && bytes[3] == 4) {
            checkDocx(bytes);
            return DOCX;
        }
        if (bytes != null && bytes.length > 4 && ((bytes[0] == 'M' && bytes[1] == 'Z')
                || (bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F'))) {
            throw new BusinessException("evidence.executable");
        }
        try {
            return contentTypeOf(bytes, maxPixels);
        } catch (BusinessException e) {
            throw "evidence.not.image".equals(e.messageKey()) ? new BusinessException("evidence.not.document") : e;
        }
    }

    static void checkPdf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String tail = text.substring(Math.max(0, text.length() - 1024)).trim();
        if (!tail.endsWith("%%EOF")) {
            throw new BusinessException("evidence.pdf.broken");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String marker : PDF_ACTIVE) {
            if (lower.contains(marker)) {
                throw new BusinessException("evidence.pdf.active");
            }
        }
    }

    /**
     * Reads the names in the ZIP's central directory (nothing is inflated, so a ZIP bomb costs
     * nothing): a Word document has [Content_Types].xml and word/document.xml, and no macros
     * (vbaProject.bin), embedded objects or ActiveX parts.
     */
    static void checkDocx(byte[] bytes) {
        List<String> names = zipNames(bytes);
        if (!names.contains("[Content_Types].xml") || !names.contains("word/document.xml")) {
            throw new BusinessException("evidence.not.document");
        }
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith("vbaproject.bin") || lower.startsWith("word/embeddings/") || lower.startsWith("word/activex/")) {
                throw new BusinessException("evidence.docx.active");
            }
        }
    }

    private static List<String> zipNames(byte[] b) {
        // the end-of-central-directory record lies in the last 64 KiB + 22 bytes
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new BusinessException("evidence.not.document");
        }
        int entries = u16(b, eocd + 10);
        long offset = u32(b, eocd + 16);
        if (entries > 5000 || offset < 0 || offset >= b.length) {
            throw new BusinessException("evidence.not.document");
        }
        List<String> names = new ArrayList<>(entries);
        int p = (int) offset;
        for (int n = 0; n < entries; n++) {
            if (p + 46 > b.length || !(b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 1 && b[p + 3] == 2)) {
                throw new BusinessException("evidence.not.document");
            }
            int nameLength = u16(b, p + 28);
            int extra = u16(b, p + 30);
            int comment = u16(b, p + 32);
            if (p + 46 + nameLength > b.length) {
                throw new BusinessException("evidence.not.document");
            }
            names.add(new String(b, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extra + comment;
        }
        return names;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    /** The name a person gave, without its extension; the extension is the one of the type the bytes have. */
    public static String safeName(String filename, String type, String fallback) {
        String base = filename == null ? "" : filename.replaceAll("\\.[^.]*$", "").replaceAll("[^\\p{L}\\p{N}_-]", "_");
        String safeName = (base.isBlank() ? fallback : base.substring(0, Math.min(base.length(), 100)))
                + switch (type) {
                    case "image/jpeg" -> ".jpg";
                    case "image/png" -> ".png";
                    case PDF -> ".pdf";
                    default -> ".docx";
                };
        return safeName.length() > 200 ? safeName.substring(safeName.length() - 200) : safeName;
    }

    /** The SHA-256 of the bytes in hex, kept with a stored file and in its audit entry. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the content type the bytes really have, or refuses the file; images of at most {@code maxPixels}. */
    public static String contentTypeOf(byte[] bytes, long maxPixels) {
        if (bytes == null || bytes.length == 0) {
            throw new BusinessException("evidence.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BusinessException("evidence.too.large", MAX_BYTES / 1024 / 1024);
        }
        String type;
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            type = "image/jpeg";
        } else if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            type = "image/png";
        } else {
            throw new BusinessException("evidence.not.image");
        }
        // ISO-8859-1 maps every byte to one char, so markers are found wherever they are
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (text.contains(marker)) {
                throw new BusinessException("evidence.polyglot");
            }
        }
        try {
            checkDimensions(bytes, maxPixels);
            if (ImageIO.read(new ByteArrayInputStream(bytes)) == null) {
                throw new BusinessException("evidence.not.image");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException b) {
                throw b;
            }
            throw new BusinessException("evidence.not.image");
        }
        return type;
    }

    /**
     * Reads the width and height the image declares, without decoding it: a small file may declare
     * a picture that would take gigabytes to decode.
     */
    static void checkDimensions(byte[] bytes, long maxPixels) throws IOException {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BusinessException("evidence.not.image");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new BusinessException("evidence.too.many.pixels", reader.getWidth(0), reader.getHeight(0),
                            maxPixels / 1_000_000);
                }
            } finally {
                reader.dispose();
            }
        }
    }
}
