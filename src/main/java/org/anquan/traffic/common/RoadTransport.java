package org.anquan.traffic.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** What every part of the traffic module shares: the industry it supervises and the form of a plate. */
public final class RoadTransport {

    /** The industry code of road transport in the directory's responsibility matrix. */
    public static final String INDUSTRY = "ROAD_TRANSPORT";

    /** A mainland plate: the province, the issuing office's letter, then five (six for new energy) letters and digits, or a trailer's 挂. */
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{5,6}|[A-HJ-NP-Z0-9]{4}挂)");

    private RoadTransport() {
    }

    /** A plate as typed or sent, its spaces and middle dot taken out, in capitals; null when blank. */
    public static String plateOf(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.toString().strip();
        return s.isEmpty() ? null : s.replace(" ", "").replace("·", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the text (as {@link #plateOf} gives it) is a plate of the mainland's format. */
    public static boolean isPlate(String plate) {
        return plate != null && PLATE.matcher(plate).matches();
    }
}
