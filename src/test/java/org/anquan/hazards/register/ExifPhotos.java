package org.anquan.hazards.register;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Test fixture: a small JPEG whose EXIF block says where it was taken, as a phone's camera writes it. */
public final class ExifPhotos {

    private ExifPhotos() {
    }

    public static byte[] jpegTakenAt(double lon, double lat) throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", plain);
        byte[] jpeg = plain.toByteArray();

        // TIFF, big-endian: header, IFD0 with the GPS pointer, the GPS IFD with N/E and two rationals of three
        ByteBuffer t = ByteBuffer.allocate(128).order(ByteOrder.BIG_ENDIAN);
        t.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        t.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        t.putShort((short) 4);
        t.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        t.putShort((short) 2).putShort((short) 5).putInt(3).putInt(80);
        t.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        t.putShort((short) 4).putShort((short) 5).putInt(3).putInt(104);
        t.putInt(0);
        degrees(t, lat);
        degrees(t, lon);
        byte[] tiff = new byte[t.position()];
        t.flip().get(tiff);

        return withExif(jpeg, tiff);
    }

    /** The JPEG with an EXIF block (APP1) of the given TIFF structure right after its start marker. */
    public static byte[] withExif(byte[] jpeg, byte[] tiff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        int length = 2 + 6 + tiff.length;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void degrees(ByteBuffer t, double value) {
        int d = (int) Math.floor(value);
        double minutes = (value - d) * 60;
        int m = (int) Math.floor(minutes);
        long s = Math.round((minutes - m) * 60 * 10_000);
        t.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(10_000);
    }
}
