package org.anquan.traffic.wim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.NotFoundException;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.common.TrafficProperties;
import org.anquan.traffic.wim.OverLimitPolicy.Axle;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of weigh-in-motion readings, whichever way they come (the JSON API, a CSV upload, MQTT): each
 * reading is checked, judged by {@link OverLimitPolicy} against the limits as configured, and stored with its
 * judgment whole; an over-limit one opens its 一超四究 case. A batch is one transaction: its good readings are
 * stored with their cases, its bad ones are answered with their reasons and change nothing. A station's
 * sequence number is taken once: a repeated reading is answered with the judgment stored the first time.
 */
@Service
public class Readings {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /** The answer for one reading, in the order sent; {@code position} counts from 1 (a CSV upload gives the line). */
    public record Answer(int position, String stationCode, Long sequence, Status status, Map<String, String> errors, Long readingId,
                         Boolean overLimit, Integer limitKg, Integer overloadKg, BigDecimal overloadRate, List<String> oversize, String rule) {
    }

    public record BatchResult(int accepted, int duplicates, int rejected, List<Answer> answers) {
    }

    /** A reading with its judgment, as stored. */
    public record Reading(long id, long stationId, String stationCode, String stationName, long sequence, OffsetDateTime measuredAt,
                          OffsetDateTime receivedAt, String plate, String plateColour, boolean combination, List<Axle> axles, int grossKg,
                          BigDecimal lengthM, BigDecimal widthM, BigDecimal heightM, BigDecimal speedKmh, int lane, String photoRef,
                          OverLimitPolicy.Judgment judgment, boolean opensCase) {
    }

    private static final String INSERT = """
            INSERT INTO traffic_reading (station_id, seq, measured_at, received_at, plate, plate_colour, combination, axle_count, axle_kg,
                axle_tyres, axle_drive, gross_kg, length_m, width_m, height_m, speed_kmh, lane, photo_ref, rule_code, table_limit_kg,
                single_tyre_axles, axle_sum_kg, limit_kg, tolerance_kg, over_limit, overload_kg, overload_rate, oversize, opens_case)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Stations stations;
    private final OverLimitLimits limits;
    private final Cases cases;
    private final ReadingPartitions partitions;
    private final Exemptions exemptions;
    private final TrafficProperties props;
    private final Messages messages;
    private final Clock clock;

    Readings(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Stations stations, OverLimitLimits limits, Cases cases,
             ReadingPartitions partitions, Exemptions exemptions, TrafficProperties props, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.stations = stations;
        this.limits = limits;
        this.cases = cases;
        this.partitions = partitions;
        this.exemptions = exemptions;
        this.props = props;
        this.messages = messages;
        this.clock = clock;
    }

    /** The earliest time a reading may carry: the first day of the oldest month kept. */
    public OffsetDateTime oldestKept() {
        return CityTime.startOf(YearMonth.now(clock).minusMonths(props.readingRetentionMonths()), clock);
    }

    /** Readings sent by a station with its own token: each must name that station. */
    public BatchResult intakeFromStation(Stations.Station station, List<? extends Map<String, ?>> raw) {
        return take(raw, station, 1);
    }

    /** Readings sent or uploaded by a person (or an account's token) holding the intake permission, naming their stations. */
    public BatchResult intake(List<? extends Map<String, ?>> raw, CurrentUser user, int firstPosition) {
        user.require(Permission.TRAFFIC_INTAKE);
        return take(raw, null, firstPosition);
    }

    /** The columns of an uploaded file of readings; the photo reference may be left out. */
    public static final List<String> UPLOAD_COLUMNS = List.of("stationCode", "sequence", "measuredAt", "plate", "plateColour",
            "combination", "axles", "grossKg", "lengthM", "widthM", "heightM", "speedKmh", "lane", "photoRef");
    static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
    static final int MAX_UPLOAD_LINES = 200_000;
    private static final int UPLOAD_BATCH = 1000;

    /** What an upload did: readings taken, repeats answered as before, and every line refused with its reason. */
    public record UploadResult(int accepted, int duplicates, List<TabularImport.Rejected> rejected) {
    }

    /**
     * Takes an uploaded file of readings (CSV, or .xlsx): a header naming the columns, then a reading
     * per line. Lines the file gets wrong and lines the intake refuses are named with their line; the
     * rest go through the intake in batches, as if sent by the API.
     */
    public UploadResult upload(byte[] file, String fileName, CurrentUser user) {
        user.require(Permission.TRAFFIC_INTAKE);
        List<TabularImport.Column> columns = UPLOAD_COLUMNS.stream()
                .map(c -> c.equals("photoRef") ? TabularImport.Column.optional(c, c) : TabularImport.Column.required(c, c)).toList();
        TabularImport<Map<String, String>> table = TabularImport.<Map<String, String>>of(columns, MAX_UPLOAD_LINES, line -> {
                    Map<String, String> row = new HashMap<>();
                    for (String c : UPLOAD_COLUMNS) {
                        if (line.has(c)) {
                            String v = line.text(c);
                            row.put(c, v == null ? "" : v);
                        }
                    }
                    return row;
                }, e -> e instanceof BusinessException b ? messages.of(b) : null)
                .csvByDefault().maxBytes(MAX_UPLOAD_BYTES);
        TabularImport.Read<Map<String, String>> read = table.read(file, fileName);
        List<TabularImport.Rejected> rejected = new ArrayList<>(read.rejected());
        int accepted = 0;
        int duplicates = 0;
        for (int from = 0; from < read.rows().size(); from += UPLOAD_BATCH) {
            List<TabularImport.Mapped<Map<String, String>>> batch = read.rows().subList(from, Math.min(read.rows().size(), from + UPLOAD_BATCH));
            BatchResult r = intake(batch.stream().map(TabularImport.Mapped::value).toList(), user, 1);
            accepted += r.accepted();
            duplicates += r.duplicates();
            for (Answer a : r.answers()) {
                if (a.status() == Status.REJECTED) {
                    rejected.add(new TabularImport.Rejected(batch.get(a.position() - 1).line(), String.join("；", a.errors().values())));
                }
            }
        }
        return new UploadResult(accepted, duplicates, rejected);
    }

    private record Row(int index, ReadingInput in, Stations.Station station, OverLimitPolicy.Judgment judgment) {
    }

    private BatchResult take(List<? extends Map<String, ?>> raw, Stations.Station only, int firstPosition) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime latest = now.plus(props.clockSkew());
        OffsetDateTime oldest = oldestKept();
        OverLimitPolicy.Limits current = limits.current();
        Map<String, Stations.Station> known = new HashMap<>();
        if (only != null) {
            known.put(only.code(), only);
        }
        Set<String> plates = new HashSet<>();
        for (Map<String, ?> r : raw) {
            String plate = RoadTransport.plateOf(r.get("plate"));
            if (plate != null) {
                plates.add(plate);
            }
        }
        Map<String, Exemptions.Entry> exempt = exemptions.of(plates);
        Answer[] answers = new Answer[raw.size()];
        List<Row> rows = new ArrayList<>(raw.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            int position = firstPosition + i;
            ReadingInput.Parsed parsed = ReadingInput.parse(raw.get(i));
            Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
            ReadingInput in = parsed.reading();
            Stations.Station station = null;
            if (in != null) {
                if (only != null && !only.code().equals(in.stationCode())) {
                    errors.put("stationCode", "traffic.reading.station.other");
                } else {
                    station = only != null ? only : known.computeIfAbsent(in.stationCode(), c -> stations.byCode(c).orElse(null));
                    if (station == null) {
                        errors.put("stationCode", "traffic.reading.station.unknown");
                    }
                }
                if (in.measuredAt().isAfter(latest)) {
                    errors.put("measuredAt", "traffic.reading.time.future");
                } else if (in.measuredAt().isBefore(oldest)) {
                    errors.put("measuredAt", "traffic.reading.time.old");
                }
            }
            if (!errors.isEmpty()) {
                Object code = raw.get(i).get("stationCode");
                Long seq = in == null ? null : in.sequence();
                answers[i] = new Answer(position, code == null ? null : code.toString(), seq, Status.REJECTED, resolve(errors), null, null, null,
                        null, null, null, null);
                continue;
            }
            Integer earlier = seen.putIfAbsent(in.stationCode() + "#" + in.sequence(), i);
            if (earlier != null) {
                answers[i] = new Answer(position, in.stationCode(), in.sequence(), Status.DUPLICATE, Map.of(), null, null, null, null, null, null,
                        null);
                continue;
            }
            rows.add(new Row(i, in, station, OverLimitPolicy.judge(in.vehicle(), current, exemptions.inForce(exempt, in.plate(), in.measuredAt()))));
        }
        if (!rows.isEmpty()) {
            // each month's partition exists, committed, before its first reading is stored
            rows.stream().map(r -> partitions.monthOf(r.in().measuredAt())).distinct().forEach(partitions::ensure);
            tx.executeWithoutResult(s -> store(rows, answers, firstPosition, now));
        }
        int accepted = 0;
        int duplicates = 0;
        for (Answer a : answers) {
            if (a.status() == Status.ACCEPTED) {
                accepted++;
            } else if (a.status() == Status.DUPLICATE) {
                duplicates++;
            }
        }
        return new BatchResult(accepted, duplicates, answers.length - accepted - duplicates, List.of(answers));
    }

    private Map<String, String> resolve(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, key) -> out.put(field, messages.get(key)));
        return out;
    }

    private record Stored(long id, OverLimitPolicy.Judgment judgment) {
    }

    private void store(List<Row> rows, Answer[] answers, int firstPosition, OffsetDateTime now) {
        // a sequence number a station has sent before (within a day of its time) is the same reading again
        Map<Long, List<Row>> byStation = rows.stream().collect(Collectors.groupingBy(r -> r.station().id(), LinkedHashMap::new, Collectors.toList()));
        List<Row> fresh = new ArrayList<>(rows.size());
        for (var e : byStation.entrySet()) {
            Map<Long, Stored> stored = storedIn(e.getKey(), e.getValue());
            for (Row r : e.getValue()) {
                Stored s = stored.get(r.in().sequence());
                if (s != null) {
                    answers[r.index()] = answer(firstPosition + r.index(), r.in(), Status.DUPLICATE, s.id(), s.judgment());
                } else {
                    fresh.add(r);
                }
            }
        }
        template.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, fresh.get(i), now);
            }

            @Override
            public int getBatchSize() {
                return fresh.size();
            }
        });
        Map<Long, List<Row>> freshByStation = fresh.stream()
                .collect(Collectors.groupingBy(r -> r.station().id(), LinkedHashMap::new, Collectors.toList()));
        List<Cases.Opening> openings = new ArrayList<>();
        for (var e : freshByStation.entrySet()) {
            Map<Long, Stored> ids = storedIn(e.getKey(), e.getValue());
            for (Row r : e.getValue()) {
                Stored s = ids.get(r.in().sequence());
                answers[r.index()] = answer(firstPosition + r.index(), r.in(), Status.ACCEPTED, s.id(), r.judgment());
                if (opensCase(r.judgment())) {
                    openings.add(new Cases.Opening(s.id(), r.in(), r.station(), r.judgment()));
                }
            }
        }
        cases.open(openings, now);
    }

    static boolean opensCase(OverLimitPolicy.Judgment j) {
        return j.overLimit() || j.overSize();
    }

    private Map<Long, Stored> storedIn(long stationId, List<Row> rows) {
        long minSeq = Long.MAX_VALUE;
        long maxSeq = Long.MIN_VALUE;
        OffsetDateTime from = null;
        OffsetDateTime to = null;
        for (Row r : rows) {
            minSeq = Math.min(minSeq, r.in().sequence());
            maxSeq = Math.max(maxSeq, r.in().sequence());
            from = from == null || r.in().measuredAt().isBefore(from) ? r.in().measuredAt() : from;
            to = to == null || r.in().measuredAt().isAfter(to) ? r.in().measuredAt() : to;
        }
        Map<Long, Stored> out = new HashMap<>();
        jdbc.sql("""
                SELECT seq, id, rule_code, table_limit_kg, single_tyre_axles, axle_sum_kg, limit_kg, tolerance_kg, over_limit, overload_kg,
                       overload_rate, oversize
                FROM traffic_reading
                WHERE station_id = :s AND seq BETWEEN :lo AND :hi AND measured_at >= :from AND measured_at <= :to""")
                .param("s", stationId).param("lo", minSeq).param("hi", maxSeq).param("from", from.minusDays(1)).param("to", to.plusDays(1))
                .query(rs -> {
                    out.putIfAbsent(rs.getLong(1), new Stored(rs.getLong(2), judgment(rs, 3)));
                });
        return out;
    }

    /** The judgment stored in the columns from {@code rule_code} on, starting at {@code first}. */
    static OverLimitPolicy.Judgment judgment(ResultSet rs, int first) throws SQLException {
        String oversize = rs.getString(first + 9);
        return new OverLimitPolicy.Judgment(rs.getString(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3),
                rs.getInt(first + 4), rs.getInt(first + 5), rs.getBoolean(first + 6), rs.getInt(first + 7), rs.getBigDecimal(first + 8),
                oversize == null ? List.of() : List.of(oversize.split(",")));
    }

    private static Answer answer(int position, ReadingInput in, Status status, long id, OverLimitPolicy.Judgment j) {
        return new Answer(position, in.stationCode(), in.sequence(), status, Map.of(), id, j.overLimit(), j.limitKg(), j.overloadKg(),
                j.overloadRate(), j.oversize(), j.ruleCode());
    }

    private static void bind(PreparedStatement ps, Row r, OffsetDateTime now) throws SQLException {
        ReadingInput in = r.in();
        OverLimitPolicy.Judgment j = r.judgment();
        StringBuilder kg = new StringBuilder();
        StringBuilder tyres = new StringBuilder();
        StringBuilder drive = new StringBuilder();
        for (Axle a : in.axles()) {
            if (!kg.isEmpty()) {
                kg.append(',');
            }
            kg.append(a.weightKg());
            tyres.append(a.tyres().name().charAt(0));
            drive.append(a.drive() ? '1' : '0');
        }
        ps.setLong(1, r.station().id());
        ps.setLong(2, in.sequence());
        ps.setObject(3, in.measuredAt());
        ps.setObject(4, now);
        ps.setString(5, in.plate());
        ps.setString(6, in.plateColour());
        ps.setBoolean(7, in.combination());
        ps.setInt(8, in.axles().size());
        ps.setString(9, kg.toString());
        ps.setString(10, tyres.toString());
        ps.setString(11, drive.toString());
        ps.setInt(12, in.grossKg());
        ps.setBigDecimal(13, BigDecimal.valueOf(in.lengthM()).setScale(2, RoundingMode.HALF_UP));
        ps.setBigDecimal(14, BigDecimal.valueOf(in.widthM()).setScale(2, RoundingMode.HALF_UP));
        ps.setBigDecimal(15, BigDecimal.valueOf(in.heightM()).setScale(2, RoundingMode.HALF_UP));
        ps.setBigDecimal(16, BigDecimal.valueOf(in.speedKmh()).setScale(1, RoundingMode.HALF_UP));
        ps.setInt(17, in.lane());
        if (in.photoRef() == null) {
            ps.setNull(18, Types.VARCHAR);
        } else {
            ps.setString(18, in.photoRef());
        }
        ps.setString(19, j.ruleCode());
        ps.setInt(20, j.tableLimitKg());
        ps.setInt(21, j.singleTyreAxles());
        ps.setInt(22, j.axleSumKg());
        ps.setInt(23, j.limitKg());
        ps.setInt(24, j.toleranceKg());
        ps.setBoolean(25, j.overLimit());
        ps.setInt(26, j.overloadKg());
        ps.setBigDecimal(27, j.overloadRate());
        if (j.overSize()) {
            ps.setString(28, String.join(",", j.oversize()));
        } else {
            ps.setNull(28, Types.VARCHAR);
        }
        ps.setBoolean(29, opensCase(j));
    }

    /** One reading with its judgment; the time it was measured (to the minute) names its partition. */
    public Reading reading(long id, OffsetDateTime measuredAt) {
        return jdbc.sql("""
                SELECT r.id, r.station_id, s.code, s.name, r.seq, r.measured_at, r.received_at, r.plate, r.plate_colour, r.combination,
                       r.axle_kg, r.axle_tyres, r.axle_drive, r.gross_kg, r.length_m, r.width_m, r.height_m, r.speed_kmh, r.lane, r.photo_ref,
                       r.rule_code, r.table_limit_kg, r.single_tyre_axles, r.axle_sum_kg, r.limit_kg, r.tolerance_kg, r.over_limit, r.overload_kg,
                       r.overload_rate, r.oversize, r.opens_case
                FROM traffic_reading r JOIN traffic_station s ON s.id = r.station_id
                WHERE r.id = :id AND r.measured_at >= :from AND r.measured_at < :to""").param("id", id)
                .param("from", measuredAt.minusMinutes(1)).param("to", measuredAt.plusMinutes(1))
                .query((rs, n) -> {
                    String[] kg = rs.getString(11).split(",");
                    String tyres = rs.getString(12);
                    String drive = rs.getString(13);
                    List<Axle> axles = new ArrayList<>(kg.length);
                    for (int i = 0; i < kg.length; i++) {
                        OverLimitPolicy.Tyres t = switch (tyres.charAt(i)) {
                            case 'S' -> OverLimitPolicy.Tyres.SINGLE;
                            case 'W' -> OverLimitPolicy.Tyres.WIDE;
                            default -> OverLimitPolicy.Tyres.DUAL;
                        };
                        axles.add(new Axle(Integer.parseInt(kg[i]), t, drive.charAt(i) == '1'));
                    }
                    return new Reading(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getString(9),
                            rs.getBoolean(10), axles, rs.getInt(14), rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getBigDecimal(17),
                            rs.getBigDecimal(18), rs.getInt(19), rs.getString(20), judgment(rs, 21), rs.getBoolean(31));
                }).optional().orElseThrow(() -> new NotFoundException("traffic_reading", id));
    }

    /** Readings and over-limit readings per station and day in [from, to) (city days), for the cockpit. */
    public record StationDay(long stationId, LocalDate day, long readings, long overLimit) {
    }

    public List<StationDay> perStationAndDay(LocalDate from, LocalDate toExclusive) {
        List<StationDay> out = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            LocalDate day = d;
            jdbc.sql("""
                    SELECT station_id, COUNT(*), SUM(CASE WHEN opens_case THEN 1 ELSE 0 END) FROM traffic_reading
                    WHERE measured_at >= :from AND measured_at < :to GROUP BY station_id""")
                    .param("from", CityTime.startOf(day, clock)).param("to", CityTime.startOf(day.plusDays(1), clock))
                    .query(rs -> {
                        out.add(new StationDay(rs.getLong(1), day, rs.getLong(2), rs.getLong(3)));
                    });
        }
        return out;
    }

    /** The readings of a station in [from, to), newest first, at most {@code limit}. */
    public record Line(long id, OffsetDateTime measuredAt, long sequence, String plate, int grossKg, int limitKg, boolean overLimit,
                       BigDecimal overloadRate, String oversize) {
    }

    public List<Line> latest(long stationId, OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql("""
                SELECT id, measured_at, seq, plate, gross_kg, limit_kg, over_limit, overload_rate, oversize FROM traffic_reading
                WHERE station_id = :s AND measured_at >= :from AND measured_at < :to ORDER BY measured_at DESC LIMIT :n""")
                .param("s", stationId).param("from", from).param("to", to).param("n", limit)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getBoolean(7), rs.getBigDecimal(8), rs.getString(9))).list();
    }

    /**
     * Clears the readings that opened no case from the months before the retention, a month at a time (each
     * query names its month, so PostgreSQL touches that partition only). Returns how many were cleared.
     */
    public long clearExpired() {
        YearMonth keepFrom = YearMonth.now(clock).minusMonths(props.readingRetentionMonths());
        OffsetDateTime oldest = jdbc.sql("SELECT MIN(measured_at) FROM traffic_reading WHERE measured_at < :t")
                .param("t", CityTime.startOf(keepFrom, clock)).query(OffsetDateTime.class).optional().orElse(null);
        if (oldest == null) {
            return 0;
        }
        long cleared = 0;
        for (YearMonth m = YearMonth.from(CityTime.inCity(oldest, clock)); m.isBefore(keepFrom); m = m.plusMonths(1)) {
            cleared += jdbc.sql("DELETE FROM traffic_reading WHERE measured_at >= :from AND measured_at < :to AND opens_case = FALSE")
                    .param("from", CityTime.startOf(m, clock)).param("to", CityTime.startOf(m.plusMonths(1), clock)).update();
        }
        return cleared;
    }
}
