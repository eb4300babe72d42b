package org.anquan.hazards.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.anquan.shared.BusinessException;

/**
 * Photos and rectification evidence: JPEG or PNG only, at most 10 MB, recognised by their bytes
 * (not by name or declared type), decodable as an image, and free of markup or script that would
 * make the file a polyglot.
 */
public final class EvidenceCheck {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final String[] MARKERS = {"<script", "<html", "<svg", "<?php", "<%", "javascript:", "<iframe", "<body"};

    private EvidenceCheck() {
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
