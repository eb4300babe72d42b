package org.anquan.traffic.wim;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.wim.OverLimitPolicy.Axle;
import org.anquan.traffic.wim.OverLimitPolicy.Tyres;

/**
 * A weigh-in-motion reading as a station sends it, read from JSON (the API, MQTT) or a CSV row into typed
 * values, or into the reasons it cannot be: a field that is missing, of the wrong type or impossible is named
 * with a message key. Plausibility against the clock and the station is {@link Readings}' part.
 */
record ReadingInput(String stationCode, long sequence, OffsetDateTime measuredAt, String plate, String plateColour, boolean combination,
                           List<Axle> axles, int grossKg, double lengthM, double widthM, double heightM, double speedKmh, int lane,
                           String photoRef) {

    public static final List<String> PLATE_COLOURS = List.of("YELLOW", "BLUE", "GREEN", "YELLOW_GREEN", "WHITE", "BLACK");
    public static final int MIN_AXLES = 2;
    public static final int MAX_AXLES = 12;
    public static final int MAX_AXLE_KG = 40_000;
    public static final int MAX_GROSS_KG = 250_000;

    /** The typed reading, or the reasons field by field (message keys). */
    public record Parsed(ReadingInput reading, Map<String, String> errors) {
    }

    /**
     * Reads one reading. Values may be JSON numbers, booleans and lists, or the text of a CSV cell (axles then
     * as {@code weightKg/tyres/drive} separated by {@code ;}, e.g. {@code 6500/SINGLE/false;11000/DUAL/true}).
     */
    public static Parsed parse(Map<String, ?> raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        String station = string(raw.get("stationCode"));
        if (station == null || !Stations.CODE.matcher(station).matches()) {
            errors.put("stationCode", "traffic.reading.station.invalid");
        }
        Long seq = integer(raw.get("sequence"));
        if (seq == null || seq < 0) {
            errors.put("sequence", "traffic.reading.sequence.invalid");
        }
        OffsetDateTime at = null;
        String time = string(raw.get("measuredAt"));
        if (time == null) {
            errors.put("measuredAt", "traffic.reading.time.invalid");
        } else {
            try {
                at = OffsetDateTime.parse(time).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e) {
                errors.put("measuredAt", "traffic.reading.time.invalid");
            }
        }
        String plate = RoadTransport.plateOf(raw.get("plate"));
        if (!RoadTransport.isPlate(plate)) {
            errors.put("plate", "traffic.reading.plate.invalid");
        }
        String colour = string(raw.get("plateColour"));
        colour = colour == null ? null : colour.toUpperCase(Locale.ROOT);
        if (!PLATE_COLOURS.contains(colour)) {
            errors.put("plateColour", "traffic.reading.colour.invalid");
        }
        Boolean combination = bool(raw.get("combination"));
        if (combination == null) {
            errors.put("combination", "traffic.reading.combination.invalid");
        }
        List<Axle> axles = axles(raw.get("axles"), errors);
        Long gross = integer(raw.get("grossKg"));
        if (gross == null || gross <= 0 || gross > MAX_GROSS_KG) {
            errors.put("grossKg", "traffic.reading.gross.invalid");
        } else if (axles != null && !errors.containsKey("axles")) {
            long sum = axles.stream().mapToLong(Axle::weightKg).sum();
            if (Math.abs(sum - gross) * 10 > gross) {
                errors.put("grossKg", "traffic.reading.gross.sum");
            }
        }
        Double length = decimal(raw.get("lengthM"), 0, 40, "lengthM", errors);
        Double width = decimal(raw.get("widthM"), 0, 6, "widthM", errors);
        Double height = decimal(raw.get("heightM"), 0, 6, "heightM", errors);
        Double speed = decimal(raw.get("speedKmh"), -0.001, 200, "speedKmh", errors);
        Long lane = integer(raw.get("lane"));
        if (lane == null || lane < 1 || lane > 10) {
            errors.put("lane", "traffic.reading.lane.invalid");
        }
        String photo = string(raw.get("photoRef"));
        if (photo != null && photo.length() > 200) {
            errors.put("photoRef", "validation.too.long");
        }
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        return new Parsed(new ReadingInput(station, seq, at, plate, colour, combination, axles, gross.intValue(), length, width, height, speed,
                lane.intValue(), photo), Map.of());
    }

    private static List<Axle> axles(Object raw, Map<String, String> errors) {
        List<?> items;
        if (raw instanceof List<?> l) {
            items = l;
        } else if (raw instanceof String s && !s.isBlank()) {
            items = List.of(s.strip().split("\\s*;\\s*"));
        } else {
            errors.put("axles", "traffic.reading.axles.count");
            return null;
        }
        if (items.size() < MIN_AXLES || items.size() > MAX_AXLES) {
            errors.put("axles", "traffic.reading.axles.count");
            return null;
        }
        List<Axle> axles = new ArrayList<>(items.size());
        for (Object item : items) {
            Object w;
            Object t;
            Object d;
            if (item instanceof Map<?, ?> m) {
                w = m.get("weightKg");
                t = m.get("tyres");
                d = m.get("drive");
            } else if (item instanceof String s) {
                String[] parts = s.split("/", -1);
                if (parts.length != 3) {
                    errors.put("axles", "traffic.reading.axle.invalid");
                    return null;
                }
                w = parts[0];
                t = parts[1];
                d = parts[2];
            } else {
                errors.put("axles", "traffic.reading.axle.invalid");
                return null;
            }
            Long weight = integer(w);
            String tyres = string(t);
            Boolean drive = bool(d);
            if (weight == null || weight <= 0 || weight > MAX_AXLE_KG) {
                errors.put("axles", "traffic.reading.axle.weight");
                return null;
            }
            if (tyres == null || !List.of("SINGLE", "DUAL", "WIDE").contains(tyres.toUpperCase(Locale.ROOT)) || drive == null) {
                errors.put("axles", "traffic.reading.axle.invalid");
                return null;
            }
            axles.add(new Axle(weight.intValue(), Tyres.valueOf(tyres.toUpperCase(Locale.ROOT)), drive));
        }
        if (axles.stream().noneMatch(Axle::drive)) {
            errors.put("axles", "traffic.reading.axle.drive");
            return null;
        }
        return List.copyOf(axles);
    }

    private static String string(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static Long integer(Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short) {
            return ((Number) o).longValue();
        }
        if (o instanceof String s && s.strip().matches("-?\\d{1,12}")) {
            return Long.parseLong(s.strip());
        }
        return null;
    }

    private static Boolean bool(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "y", "yes" -> Boolean.TRUE;
                case "false", "0", "n", "no" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    /** A number strictly above {@code above} and at most {@code max}. */
    private static Double decimal(Object o, double above, double max, String field, Map<String, String> errors) {
        Double d = null;
        if (o instanceof Number n) {
            d = n.doubleValue();
        } else if (o instanceof String s && s.strip().matches("-?\\d{1,6}(\\.\\d{1,4})?")) {
            d = Double.parseDouble(s.strip());
        }
        if (d == null || !(d > above) || d > max) {
            errors.put(field, "traffic.reading.dimension.invalid");
            return null;
        }
        return d;
    }

    public OverLimitPolicy.Vehicle vehicle() {
        return new OverLimitPolicy.Vehicle(axles, combination, grossKg, lengthM, widthM, heightM);
    }
}
