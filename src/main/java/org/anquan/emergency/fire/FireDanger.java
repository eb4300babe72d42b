package org.anquan.emergency.fire;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.*;
import org.anquan.directory.Directory;
import org.anquan.emergency.FireDangerWarned;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Phones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forest-fire danger from the stations' daily noon weather: observations are checked row by row (a bad
 * row is named with its line and the rest are kept), the FWI system is computed per station and carried
 * from day to day — restarting from the start values on a station's first day and after a missing day —
 * and every later day recomputed when an earlier one arrives; each day's level follows the configured
 * thresholds, a county's level is its highest station's, and a recent day at level 3 or above warns the
 * county and the configured departments, who acknowledge it.
 */
@Service
class FireDanger {

    /** The most lines one observations file may hold (a year of noon readings of a hundred stations). */
    static final int MAX_OBSERVATION_LINES = 50_000;

    public record StationInput(String code, String name, Long countyId, Double lat, Double lon) {
    }

    public record Station(long id, String code, String name, long countyId, double lat, double lon) {
    }

    /** One row of weather as imported; {@code line} is its line in the file (or its position in the API's array). */
    public record ObservationRow(int line, String stationCode, String date, String tempC, String rh, String windKmh, String rainMm) {
    }

    public record Rejected(int line, String reason) implements Serializable {
    }

    /** Shown once after the import (kept in the session until then, hence serializable). */
    public record ImportResult(int accepted, List<Rejected> rejected) implements Serializable {
        public ImportResult {
            rejected = List.copyOf(rejected);
        }
    }

    public record Index(String stationCode, LocalDate date, double tempC, double rh, double windKmh, double rainMm, double ffmc,
                        double dmc, double dc, double isi, double bui, double fwi, int level, boolean restarted) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Directory directory;
    private final FireProperties props;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final TransactionTemplate tx;
    private final Clock clock;

    FireDanger(JdbcClient jdbc, JdbcTemplate batch, Directory directory, FireProperties props, AuditTrail audit,
               ApplicationEventPublisher events, Messages messages,
               TransactionTemplate tx, Clock clock) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.batch = batch;
        this.directory = directory;
        this.props = props;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public Station addStation(StationInput in, CurrentUser user) {
        user.require(Permission.FIRE_DATA);
        Map<String, String> errors = new LinkedHashMap<>();
        String code = in.code() == null ? null : in.code().strip();
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,32}")) {
            errors.put("code", "fire.station.code.invalid");
        } else if (stationByCode(code).isPresent()) {
            errors.put("code", "fire.station.code.taken");
        }
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty() || name.length() > 100) {
            errors.put("name", name == null || name.isEmpty() ? "validation.required" : "validation.too.long");
        }
        if (in.countyId() == null || directory.counties().stream().noneMatch(c -> c.id() == in.countyId())) {
            errors.put("countyId", "fire.station.county.unknown");
        }
        GeoPoint p = directory.pointIn(in.lat(), in.lon(), errors.containsKey("countyId") ? null : in.countyId(), "lat", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO fire_station (code, name, county_id, lat, lon, created_at) VALUES (:code, :name, :county, :lat, :lon, :at)")
                .param("code", code).param("name", name).param("county", in.countyId()).param("lat", p.lat()).param("lon", p.lon())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "fire_station", id, code + " " + name, null, null);
        return new Station(id, code, name, in.countyId(), p.lat(), p.lon());
    }

    public List<Station> stations() {
        return jdbc.sql("SELECT id, code, name, county_id, lat, lon FROM fire_station ORDER BY county_id, code")
                .query((rs, n) -> new Station(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6)))
                .list();
    }

    public Optional<Station> stationByCode(String code) {
        return jdbc.sql("SELECT id, code, name, county_id, lat, lon FROM fire_station WHERE code = :c").param("c", code)
                .query((rs, n) -> new Station(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6)))
                .optional();
    }

    private record Weather(LocalDate date, double temp, double rh, double wind, double rain) {
    }

    /**
     * Imports weather rows: each bad row is rejected with its line and reason (humidity over 100, negative
     * rain, a missing value, an unknown station, a date in the future), the rest stored and every day from
     * the earliest one changed onwards recomputed: each station in a transaction of its own (its days are
     * never half-written), then the counties' levels and the warnings in one more.
     */
    /** The columns of an observations file (CSV or .xlsx), in the order a file without a header gives them. */
    private TabularImport<ObservationRow> observationTable() {
        List<TabularImport.Column> columns = new ArrayList<>();
        for (String c : List.of("station", "date", "temp", "rh", "wind", "rain")) {
            columns.add(TabularImport.Column.required(c, messages.get("fire.col." + c),
                    messages.inLocale("fire.col." + c, Locale.SIMPLIFIED_CHINESE), messages.inLocale("fire.col." + c, Locale.ENGLISH)));
        }
        return TabularImport.of(columns, MAX_OBSERVATION_LINES,
                        line -> new ObservationRow(line.number(), line.text("station"), line.text("date"), line.text("temp"),
                                line.text("rh"), line.text("wind"), line.text("rain")),
                        e -> e instanceof BusinessException b ? messages.of(b) : null)
                .csvByDefault().headerOptional();
    }

    /**
     * Imports an uploaded file of observations (CSV or .xlsx, the header optional): lines the file
     * itself gets wrong (cells missing, a formula) are named beside those the checks refuse.
     */
    public ImportResult importObservations(byte[] file, String fileName, CurrentUser user) {
        user.require(Permission.FIRE_DATA);
        TabularImport.Read<ObservationRow> read = observationTable().read(file, fileName);
        ImportResult result = importObservations(read.rows().stream().map(TabularImport.Mapped::value).toList(), user);
        List<Rejected> rejected = new ArrayList<>(result.rejected());
        read.rejected().forEach(r -> rejected.add(new Rejected(r.line(), r.reason())));
        rejected.sort(Comparator.comparingInt(Rejected::line));
        return new ImportResult(result.accepted(), rejected);
    }

    public ImportResult importObservations(List<ObservationRow> rows, CurrentUser user) {
        user.require(Permission.FIRE_DATA);
        LocalDate today = LocalDate.now(clock);
        Map<String, Station> stations = new HashMap<>();
        stations().forEach(s -> stations.put(s.code(), s));
        List<Rejected> rejected = new ArrayList<>();
        Map<Long, TreeMap<LocalDate, Weather>> byStation = new HashMap<>();
        for (ObservationRow r : rows) {
            String reason = null;
            Station s = r.stationCode() == null ? null : stations.get(r.stationCode().strip());
            LocalDate date = null;
            Double temp = number(r.tempC());
            Double rh = number(r.rh());
            Double wind = number(r.windKmh());
            Double rain = number(r.rainMm());
            try {
                date = r.date() == null ? null : LocalDate.parse(r.date().strip());
            } catch (DateTimeParseException e) {
                reason = messages.get("fire.obs.date.invalid", r.date());
            }
            if (reason != null) {
                // already named
            } else if (s == null) {
                reason = messages.get("fire.obs.station.unknown", r.stationCode() == null ? "" : r.stationCode());
            } else if (date == null || temp == null || rh == null || wind == null || rain == null) {
                reason = messages.get("fire.obs.missing");
            } else if (date.isAfter(today)) {
                reason = messages.get("fire.obs.future", date);
            } else if (rh < 0 || rh > 100) {
                reason = messages.get("fire.obs.rh", rh);
            } else if (rain < 0) {
                reason = messages.get("fire.obs.rain", rain);
            } else if (wind < 0 || wind > 250) {
                reason = messages.get("fire.obs.wind", wind);
            } else if (temp < -60 || temp > 60) {
                reason = messages.get("fire.obs.temp", temp);
            }
            if (reason != null) {
                rejected.add(new Rejected(r.line(), reason));
                continue;
            }
            byStation.computeIfAbsent(s.id(), k -> new TreeMap<>()).put(date, new Weather(date, temp, rh, wind, rain));
        }
        Map<Long, Station> byId = new HashMap<>();
        stations.values().forEach(s -> byId.put(s.id(), s));
        // each station in a transaction of its own, its days stored and recomputed whole; then each county's days
        Map<Long, LocalDate> countiesFrom = new HashMap<>();
        int accepted = 0;
        for (var e : byStation.entrySet()) {
            Station station = byId.get(e.getKey());
            tx.executeWithoutResult(status -> recompute(station, e.getValue()));
            accepted += e.getValue().size();
            countiesFrom.merge(station.countyId(), e.getValue().firstKey(), (a, b) -> a.isBefore(b) ? a : b);
        }
        if (accepted == 0) {
            return new ImportResult(0, rejected);
        }
        int total = accepted;
        tx.executeWithoutResult(status -> {
            countiesFrom.forEach(this::countyDays);
            audit.record("IMPORT", "fire_observation", null, total + " observation(s) of " + byStation.size() + " station(s), "
                    + rejected.size() + " rejected", null, null);
            warn(countiesFrom.keySet(), today.minusDays(props.warnDaysBack()), today);
        });
        return new ImportResult(accepted, rejected);
    }

    private static Double number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A county's level of each day from {@code from} on: the highest of its stations'. */
    private void countyDays(long countyId, LocalDate from) {
        jdbc.sql("DELETE FROM fire_county_day WHERE county_id = :c AND level_date >= :from").param("c", countyId).param("from", from).update();
        jdbc.sql("""
                INSERT INTO fire_county_day (county_id, level_date, danger_level, fwi)
                SELECT s.county_id, o.obs_date, MAX(o.danger_level), MAX(o.fwi)
                FROM fire_observation o JOIN fire_station s ON s.id = o.station_id
                WHERE s.county_id = :c AND o.obs_date >= :from
                GROUP BY s.county_id, o.obs_date""").param("c", countyId).param("from", from).update();
    }

    /** Stores the new weather and recomputes the station from the earliest new day to its last stored day. */
    private void recompute(Station station, TreeMap<LocalDate, Weather> arriving) {
        LocalDate from = arriving.firstKey();
        TreeMap<LocalDate, Weather> days = new TreeMap<>();
        jdbc.sql("SELECT obs_date, temp_c, rh, wind_kmh, rain_mm FROM fire_observation WHERE station_id = :s AND obs_date >= :from")
                .param("s", station.id()).param("from", from)
                .query(rs -> {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    days.put(d, new Weather(d, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)));
                });
        days.putAll(arriving);
        var before = jdbc.sql("SELECT obs_date, ffmc, dmc, dc FROM fire_observation WHERE station_id = :s AND obs_date = :d")
                .param("s", station.id()).param("d", from.minusDays(1))
                .query((rs, n) -> new FireWeatherIndex.Codes(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))).optional();
        FireWeatherIndex.Codes codes = before.orElse(null);
        LocalDate previous = before.isPresent() ? from.minusDays(1) : null;
        List<Object[]> out = new ArrayList<>(days.size());
        for (Weather w : days.values()) {
            boolean restart = previous == null || !previous.plusDays(1).equals(w.date());
            FireWeatherIndex.Day d = FireWeatherIndex.day(restart ? FireWeatherIndex.START : codes, w.temp(), w.rh(), w.wind(), w.rain(),
                    w.date().getMonthValue(), station.lat());
            out.add(new Object[] {station.id(), w.date(), w.temp(), w.rh(), w.wind(), w.rain(), d.ffmc(), d.dmc(), d.dc(), d.isi(), d.bui(), d.fwi(),
                    props.levelOf(d.fwi()), restart});
            codes = d.codes();
            previous = w.date();
        }
        jdbc.sql("DELETE FROM fire_observation WHERE station_id = :s AND obs_date >= :from").param("s", station.id()).param("from", from).update();
        batch.batchUpdate("""
                INSERT INTO fire_observation (station_id, obs_date, temp_c, rh, wind_kmh, rain_mm, ffmc, dmc, dc, isi, bui, fwi,
                                              danger_level, restarted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", out);
    }

    /** Warnings for the counties, for the recent days at level 3 or above: new ones, or raised ones. */
    private void warn(Set<Long> countyIds, LocalDate from, LocalDate to) {
        List<Long> counties = List.copyOf(countyIds);
        record Level(long county, LocalDate day, int level, double fwi) {
        }
        List<Level> levels = jdbc.sql("""
                SELECT county_id, obs_date, danger_level, fwi FROM emergency_fire_level_view
                WHERE county_id IN (:counties) AND obs_date >= :from AND obs_date <= :to AND danger_level >= 3""")
                .param("counties", counties).param("from", from).param("to", to)
                .query((rs, n) -> new Level(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getDouble(4))).list();
        List<Long> departments = directory.departments().stream().filter(d -> props.warnDepartments().contains(d.code()))
                .map(Directory.DepartmentRef::id).toList();
        for (Level l : levels) {
            var existing = jdbc.sql("SELECT id, level FROM fire_warning WHERE county_id = :c AND warn_date = :d")
                    .param("c", l.county()).param("d", l.day()).query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).optional();
            long id;
            boolean raised = true;
            if (existing.isPresent()) {
                id = existing.get()[0];
                raised = existing.get()[1] < l.level();
                if (raised) {
                    jdbc.sql("UPDATE fire_warning SET level = :l, fwi = :f, issued_at = :at WHERE id = :id").param("l", l.level())
                            .param("f", l.fwi()).param("at", OffsetDateTime.now(clock)).param("id", id).update();
                    // a raised warning is acknowledged again
                    jdbc.sql("UPDATE fire_warning_recipient SET acknowledged_by = NULL, acknowledged_at = NULL WHERE warning_id = :id")
                            .param("id", id).update();
                }
            } else {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO fire_warning (county_id, warn_date, level, fwi, issued_at) VALUES (:c, :d, :l, :f, :at)")
                        .param("c", l.county()).param("d", l.day()).param("l", l.level()).param("f", l.fwi())
                        .param("at", OffsetDateTime.now(clock)).update(keys, "id");
                id = keys.getKeyAs(Number.class).longValue();
                jdbc.sql("INSERT INTO fire_warning_recipient (warning_id, unit_kind, unit_id) VALUES (:w, 'REGION', :c)")
                        .param("w", id).param("c", l.county()).update();
                for (long d : departments) {
                    jdbc.sql("INSERT INTO fire_warning_recipient (warning_id, unit_kind, unit_id) VALUES (:w, 'DEPARTMENT', :d)")
                            .param("w", id).param("d", d).update();
                }
            }
            // every township and village contact of the county, also one added since the warning was first issued
            jdbc.sql("""
                    INSERT INTO fire_warning_recipient (warning_id, unit_kind, unit_id)
                    SELECT :w, 'CONTACT', c.id FROM fire_contact c WHERE c.county_id = :county AND c.active = TRUE
                      AND NOT EXISTS (SELECT 1 FROM fire_warning_recipient r WHERE r.warning_id = :w AND r.unit_kind = 'CONTACT' AND r.unit_id = c.id)""")
                    .param("w", id).param("county", l.county()).update();
            if (raised) {
                audit.record("WARN", "fire_warning", id, "county " + l.county() + " " + l.day() + " level " + l.level(), null, null);
                events.publishEvent(new FireDangerWarned(id, l.county(), l.day(), l.level(), l.fwi()));
            }
        }
    }

    /** A station's days in [from, to], oldest first. */
    public List<Index> indices(String stationCode, LocalDate from, LocalDate to) {
        Station s = stationByCode(stationCode).orElseThrow(() -> new NotFoundException("fire station", stationCode));
        if (to.isBefore(from) || from.plusYears(10).isBefore(to)) {
            throw new BusinessException("fire.period.invalid");
        }
        return jdbc.sql("""
                SELECT obs_date, temp_c, rh, wind_kmh, rain_mm, ffmc, dmc, dc, isi, bui, fwi, danger_level, restarted
                FROM fire_observation WHERE station_id = :s AND obs_date >= :from AND obs_date <= :to ORDER BY obs_date""")
                .param("s", s.id()).param("from", from).param("to", to)
                .query((rs, n) -> new Index(s.code(), rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5), round(rs.getDouble(6)), round(rs.getDouble(7)), round(rs.getDouble(8)), round(rs.getDouble(9)),
                        round(rs.getDouble(10)), round(rs.getDouble(11)), rs.getInt(12), rs.getBoolean(13)))
                .list();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public record CountyLevel(long countyId, int level, double fwi, boolean inSeason) {
    }

    /** Each county's level of the day (0 without observations) and whether the day lies in its fire season. */
    public List<CountyLevel> countyLevels(LocalDate day) {
        Map<Long, double[]> levels = new HashMap<>();
        jdbc.sql("SELECT county_id, danger_level, fwi FROM emergency_fire_level_view WHERE obs_date = :d").param("d", day)
                .query(rs -> {
                    levels.put(rs.getLong(1), new double[] {rs.getInt(2), rs.getDouble(3)});
                });
        List<Long> inSeason = jdbc.sql("SELECT DISTINCT county_id FROM fire_season WHERE starts_on <= :d AND ends_on >= :d").param("d", day)
                .query(Long.class).list();
        return directory.counties().stream().map(c -> {
            double[] l = levels.getOrDefault(c.id(), new double[] {0, 0});
            return new CountyLevel(c.id(), (int) l[0], round(l[1]), inSeason.contains(c.id()));
        }).toList();
    }

    public record Recipient(String unitKind, long unitId, String acknowledgedBy, OffsetDateTime acknowledgedAt) {
    }

    public record Warning(long id, long countyId, LocalDate day, int level, double fwi, OffsetDateTime issuedAt, List<Recipient> recipients) {
        public boolean acknowledgedBy(String kind, Long unit) {
            return recipients.stream().anyMatch(r -> r.unitKind().equals(kind) && unit != null && r.unitId() == unit && r.acknowledgedAt() != null);
        }

        public boolean addressedTo(String kind, Long unit) {
            return recipients.stream().anyMatch(r -> r.unitKind().equals(kind) && unit != null && r.unitId() == unit);
        }
    }

    /** The warnings of the last {@code days} days, newest first, with their recipients. */
    public List<Warning> warnings(int days) {
        LocalDate since = LocalDate.now(clock).minusDays(days);
        Map<Long, List<Recipient>> recipients = new HashMap<>();
        jdbc.sql("""
                SELECT r.warning_id, r.unit_kind, r.unit_id, r.acknowledged_by, r.acknowledged_at FROM fire_warning_recipient r
                JOIN fire_warning w ON w.id = r.warning_id WHERE w.warn_date >= :since ORDER BY r.unit_kind DESC, r.unit_id""")
                .param("since", since).query(rs -> {
                    recipients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Recipient(rs.getString(2), rs.getLong(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
                });
        return jdbc.sql("SELECT id, county_id, warn_date, level, fwi, issued_at FROM fire_warning WHERE warn_date >= :since ORDER BY warn_date DESC, level DESC, county_id")
                .param("since", since)
                .query((rs, n) -> new Warning(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getInt(4), round(rs.getDouble(5)),
                        rs.getObject(6, OffsetDateTime.class), recipients.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    /** The recipients that have not acknowledged a warning within the configured time. */
    public List<Warning> unacknowledged(int days) {
        OffsetDateTime limit = OffsetDateTime.now(clock).minus(props.acknowledgeWithin());
        return warnings(days).stream().filter(w -> w.issuedAt().isBefore(limit)
                && w.recipients().stream().anyMatch(r -> r.acknowledgedAt() == null)).toList();
    }

    /** The user's unit acknowledges the warning (signed for: 已签收). */
    @Transactional
    public void acknowledge(long warningId, CurrentUser user) {
        user.require(Permission.FIRE_ACK);
        DataScope scope = user.scope();
        String kind = scope.kind() == DataScope.Kind.REGION ? "REGION" : scope.kind() == DataScope.Kind.DEPARTMENT ? "DEPARTMENT" : null;
        int n = kind == null ? 0 : jdbc.sql("""
                UPDATE fire_warning_recipient SET acknowledged_by = :by, acknowledged_at = :at
                WHERE warning_id = :w AND unit_kind = :k AND unit_id = :u AND acknowledged_at IS NULL""")
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("w", warningId).param("k", kind)
                .param("u", scope.id()).update();
        if (n == 0) {
            throw new BusinessException("fire.ack.not.yours");
        }
        audit.record("ACKNOWLEDGE", "fire_warning", warningId, "acknowledged by " + kind + " " + scope.id(), null, null);
    }

    public record Contact(long id, long countyId, long townshipId, String level, String place, String name, String phone) {
    }

    /** A township or village contact of a county, who receives its warnings by phone. */
    @Transactional
    public long addContact(Long countyId, Long townshipId, String level, String place, String name, String phone, CurrentUser user) {
        user.require(Permission.FIRE_DATA);
        Map<String, String> errors = new LinkedHashMap<>();
        var township = townshipId == null ? null : directory.townships().stream().filter(t -> t.id() == townshipId).findFirst().orElse(null);
        if (township == null || countyId == null || township.countyId() != countyId) {
            errors.put("townshipId", "fire.contact.township.unknown");
        }
        if (!"TOWNSHIP".equals(level) && !"VILLAGE".equals(level)) {
            errors.put("level", "validation.required");
        }
        String p = Inputs.text(place, 100, "place", true, errors);
        String n = Inputs.text(name, 50, "name", true, errors);
        if (!Phones.valid(phone)) {
            errors.put("phone", "duty.phone.invalid");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO fire_contact (county_id, township_id, level, place, name, phone, created_at)
                VALUES (:c, :t, :l, :p, :n, :ph, :at)""")
                .param("c", countyId).param("t", townshipId).param("l", level).param("p", p).param("n", n).param("ph", phone.strip())
                .param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "fire_contact", id, p + " " + n, null, null);
        return id;
    }

    public List<Contact> contacts() {
        return jdbc.sql("SELECT id, county_id, township_id, level, place, name, phone FROM fire_contact WHERE active = TRUE ORDER BY county_id, township_id, level DESC, place")
                .query((rs, n) -> new Contact(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7))).list();
    }

    /** The county office records that a township or village contact of its county confirmed the warning by phone. */
    @Transactional
    public void acknowledgeForContact(long warningId, long contactId, CurrentUser user) {
        user.require(Permission.FIRE_ACK);
        var scope = user.scope();
        Long county = jdbc.sql("SELECT county_id FROM fire_contact WHERE id = :id").param("id", contactId).query(Long.class).optional().orElse(null);
        if (county == null || scope.kind() != DataScope.Kind.REGION || !scope.id().equals(county)) {
            throw new BusinessException("fire.ack.not.yours");
        }
        int n = jdbc.sql("""
                UPDATE fire_warning_recipient SET acknowledged_by = :by, acknowledged_at = :at
                WHERE warning_id = :w AND unit_kind = 'CONTACT' AND unit_id = :u AND acknowledged_at IS NULL""")
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("w", warningId).param("u", contactId).update();
        if (n == 0) {
            throw new BusinessException("fire.ack.not.yours");
        }
        audit.record("ACKNOWLEDGE", "fire_warning", warningId, "contact " + contactId + " confirmed by phone", null, null);
    }

    public record Season(long id, long countyId, LocalDate startsOn, LocalDate endsOn) {
    }

    @Transactional
    public void addSeason(Long countyId, LocalDate startsOn, LocalDate endsOn, CurrentUser user) {
        user.require(Permission.FIRE_DATA);
        if (countyId == null || directory.counties().stream().noneMatch(c -> c.id() == countyId)) {
            throw new InvalidInputException(Map.of("countyId", "fire.station.county.unknown"));
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn) || startsOn.plusYears(1).isBefore(endsOn)) {
            throw new InvalidInputException(Map.of("startsOn", "fire.season.invalid"));
        }
        jdbc.sql("INSERT INTO fire_season (county_id, starts_on, ends_on) VALUES (:c, :s, :e)").param("c", countyId).param("s", startsOn)
                .param("e", endsOn).update();
        audit.record("CREATE", "fire_season", countyId, "fire season " + startsOn + " – " + endsOn, null, null);
    }

    public List<Season> seasons() {
        return jdbc.sql("SELECT id, county_id, starts_on, ends_on FROM fire_season ORDER BY starts_on DESC, county_id")
                .query((rs, n) -> new Season(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
                .list();
    }
}
