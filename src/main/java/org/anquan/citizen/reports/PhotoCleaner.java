package org.anquan.citizen.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;

/**
 * A citizen's photo as it is stored: checked by its bytes (JPEG or PNG, at most 10 MB and the
 * configured megapixels), turned upright as its EXIF orientation says, scaled to at most the
 * configured long side, and re-encoded — which leaves every EXIF field, the GPS position, the
 * camera's serial number and any comment behind. The GPS position is read first and returned, so
 * that it can be offered as the report's location.
 */
final class PhotoCleaner {

    public record Cleaned(byte[] content, String contentType, int width, int height, GeoPoint gps, boolean gpsNonsense) {
    }

    /** What the EXIF block says: orientation 1–8 (1 when absent) and the GPS point, if any. */
    record Exif(int orientation, GeoPoint gps, boolean gpsNonsense) {
        static final Exif NONE = new Exif(1, null, false);
    }

    private PhotoCleaner() {
    }

    public static Cleaned clean(byte[] bytes, long maxPixels, int maxLongSide) {
        String type = EvidenceCheck.contentTypeOf(bytes, maxPixels);
        Exif exif = "image/jpeg".equals(type) ? exifOf(bytes) : Exif.NONE;
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                throw new BusinessException("evidence.not.image");
            }
            img = upright(img, exif.orientation());
            img = bounded(img, maxLongSide, "image/png".equals(type));
            byte[] out = "image/png".equals(type) ? png(img) : jpeg(img);
            return new Cleaned(out, type, img.getWidth(), img.getHeight(), exif.gps(), exif.gpsNonsense());
        } catch (IOException e) {
            throw new BusinessException("evidence.not.image");
        }
    }

    /** Reads orientation and GPS from the APP1 "Exif" segment; a broken block counts as absent, never as an error. */
    static Exif exifOf(byte[] b) {
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF) {
                return Exif.NONE;
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return Exif.NONE;
            }
            int length = u16(b, p + 2, false);
            if (marker == 0xE1 && p + 10 <= b.length && b[p + 4] == 'E' && b[p + 5] == 'x' && b[p + 6] == 'i' && b[p + 7] == 'f') {
                try {
                    return tiff(b, p + 10, Math.min(b.length, p + 2 + length));
                } catch (IndexOutOfBoundsException broken) {
                    return Exif.NONE;
                }
            }
            p += 2 + length;
        }
        return Exif.NONE;
    }

    private static Exif tiff(byte[] b, int t, int end) {
        boolean little = b[t] == 'I';
        int ifd0 = t + (int) u32(b, t + 4, little);
        int orientation = 1;
        int gpsIfd = -1;
        int count = u16(b, ifd0, little);
        for (int i = 0; i < count; i++) {
            int e = ifd0 + 2 + i * 12;
            check(e + 12, end);
            int tag = u16(b, e, little);
            if (tag == 0x0112) {
                orientation = u16(b, e + 8, little);
            } else if (tag == 0x8825) {
                gpsIfd = t + (int) u32(b, e + 8, little);
            }
        }
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
        if (gpsIfd < 0) {
            return new Exif(orientation, null, false);
        }
        String latRef = null;
        String lonRef = null;
        double lat = Double.NaN;
        double lon = Double.NaN;
        int n = u16(b, gpsIfd, little);
        for (int i = 0; i < n; i++) {
            int e = gpsIfd + 2 + i * 12;
            check(e + 12, end);
            int tag = u16(b, e, little);
            switch (tag) {
                case 1 -> latRef = String.valueOf((char) b[e + 8]);
                case 2 -> lat = degrees(b, t + (int) u32(b, e + 8, little), end, little);
                case 3 -> lonRef = String.valueOf((char) b[e + 8]);
                case 4 -> lon = degrees(b, t + (int) u32(b, e + 8, little), end, little);
                default -> { }
            }
        }
        if (latRef == null && lonRef == null && Double.isNaN(lat) && Double.isNaN(lon)) {
            return new Exif(orientation, null, false);
        }
        boolean refsOk = ("N".equals(latRef) || "S".equals(latRef)) && ("E".equals(lonRef) || "W".equals(lonRef));
        if (!refsOk || Double.isNaN(lat) || Double.isNaN(lon) || lat > 90 || lon > 180 || (lat == 0 && lon == 0)) {
            return new Exif(orientation, null, true);
        }
        return new Exif(orientation, new GeoPoint("W".equals(lonRef) ? -lon : lon, "S".equals(latRef) ? -lat : lat), false);
    }

    /** Three rationals (degrees, minutes, seconds); NaN when a denominator is zero or a part out of range. */
    private static double degrees(byte[] b, int at, int end, boolean little) {
        check(at + 24, end);
        double[] parts = new double[3];
        for (int i = 0; i < 3; i++) {
            long num = u32(b, at + i * 8, little);
            long den = u32(b, at + i * 8 + 4, little);
            if (den == 0) {
                return Double.NaN;
            }
            parts[i] = (double) num / den;
        }
        if (parts[1] >= 60 || parts[2] >= 60) {
            return Double.NaN;
        }
        return parts[0] + parts[1] / 60 + parts[2] / 3600;
    }

    private static void check(int needed, int end) {
        if (needed > end) {
            throw new IndexOutOfBoundsException(needed);
        }
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little
                ? (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                : (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFFL) << 16 | (b[i + 2] & 0xFFL) << 8 | (b[i + 3] & 0xFFL);
    }

    /** The EXIF orientations: 2 mirrored, 3 upside down, 4 mirrored upside down, 5–8 turned a quarter (6: 90° clockwise). */
    static BufferedImage upright(BufferedImage img, int orientation) {
        if (orientation == 1) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean turned = orientation >= 5;
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12 (arguments: m00, m10, m01, m11, m02, m12)
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, kind(img));
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage bounded(BufferedImage img, int maxLongSide, boolean keepAlpha) {
        int w = img.getWidth();
        int h = img.getHeight();
        int longSide = Math.max(w, h);
        int type = keepAlpha ? kind(img) : BufferedImage.TYPE_INT_RGB;
        if (longSide <= maxLongSide && img.getType() == type) {
            return img;
        }
        double f = longSide <= maxLongSide ? 1 : (double) maxLongSide / longSide;
        int nw = Math.max(1, (int) Math.round(w * f));
        int nh = Math.max(1, (int) Math.round(h * f));
        BufferedImage out = new BufferedImage(nw, nh, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        if (!keepAlpha) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, nw, nh);
        }
        g.drawImage(img, 0, 0, nw, nh, null);
        g.dispose();
        return out;
    }

    private static int kind(BufferedImage img) {
        return img.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (var out = new ByteArrayOutputStream(); var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), p);
            ios.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
