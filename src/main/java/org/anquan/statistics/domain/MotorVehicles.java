package org.anquan.statistics.domain;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Motor vehicles and licensed drivers of each county at the end of each year, and their compound
 * annual growth (年均复合增长率) over the years every county of the scope has given.
 */
@Service
@Transactional
public class MotorVehicles {

    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("m.county_id");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Clock clock;

    MotorVehicles(JdbcClient jdbc, Directory directory, ScopeFilter scopes, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** One county's figures for one year. */
    public record Count(long countyId, String countyName, int year, long vehicles, long drivers) {
    }

    /** A year's figures summed over the counties of the scope; complete when every one of them gave theirs. */
    public record Year(int year, long vehicles, long drivers, int counties, boolean complete) {
    }

    /** Growth from the first complete year to the last: the compound annual rate in percent to one decimal. */
    public record Growth(int fromYear, int toYear, long from, long to, BigDecimal percent) {

        /** (to / from)^(1 / years) − 1; none when fewer than two years or a zero start. */
        public static Optional<Growth> of(int fromYear, long from, int toYear, long to) {
            if (toYear <= fromYear || from <= 0) {
                return Optional.empty();
            }
            double rate = Math.pow((double) to / from, 1.0 / (toYear - fromYear)) - 1;
            return Optional.of(new Growth(fromYear, toYear, from, to, BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP)));
        }
    }

    /** The figures and their growth, as the page and the report show them. */
    public record Summary(List<Count> counts, List<Year> years, Optional<Growth> vehicles, Optional<Growth> drivers) {
    }

    @Transactional(readOnly = true)
    public Summary summary(DataScope scope) {
        ScopeFilter.Predicate visible = scopes.read(scope, SCOPE);
        List<Count> counts = jdbc.sql("""
                        SELECT m.county_id, c.name, m.stat_year, m.vehicles, m.drivers FROM statistics_motor_count m
                        JOIN directory_region_view c ON c.id = m.county_id WHERE 1 = 1""" + visible.and() + " ORDER BY m.stat_year DESC, c.code")
                .params(visible.params())
                .query((rs, n) -> new Count(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5))).list();
        long counties = counts.stream().mapToLong(Count::countyId).distinct().count();
        Map<Integer, long[]> byYear = new TreeMap<>();
        for (Count c : counts) {
            long[] sums = byYear.computeIfAbsent(c.year(), y -> new long[3]);
            sums[0] += c.vehicles();
            sums[1] += c.drivers();
            sums[2]++;
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, s) -> years.add(new Year(year, s[0], s[1], (int) s[2], s[2] == counties)));
        List<Year> complete = years.stream().filter(Year::complete).toList();
        Optional<Growth> vehicles = Optional.empty();
        Optional<Growth> drivers = Optional.empty();
        if (complete.size() >= 2) {
            Year first = complete.get(0);
            Year last = complete.get(complete.size() - 1);
            vehicles = Growth.of(first.year(), first.vehicles(), last.year(), last.vehicles());
            drivers = Growth.of(first.year(), first.drivers(), last.year(), last.drivers());
        }
        return new Summary(counts, years, vehicles, drivers);
    }

    /** Enters (or corrects) a county's figures for a year. */
    public void enter(Long countyId, Integer year, Long vehicles, Long drivers, CurrentUser user) {
        user.require(Permission.STATISTICS_ENTER);
        Map<String, String> errors = check(countyId, year, vehicles, drivers);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(countyId, null, null, null), ScopeFilter.Mode.ACT)) {
            throw new InvalidInputException(Map.of("countyId", "enterprise.outside.scope"));
        }
        save(countyId, year, vehicles, drivers, user);
    }

    /**
     * Imports a workbook of rows 县区, 年度, 机动车保有量, 驾驶人数量 under a header: all rows or none,
     * each wrong row named with its line. Returns how many rows were stored.
     */
    public int importFile(byte[] bytes, CurrentUser user) {
        user.require(Permission.STATISTICS_ENTER);
        Map<String, Long> countyByName = new LinkedHashMap<>();
        directory.counties().forEach(c -> countyByName.put(c.name(), c.id()));
        List<long[]> rows = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (Workbook wb = Spreadsheets.open(bytes)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || Spreadsheets.isBlank(row)) {
                    continue;
                }
                int line = r + 1;
                try {
                    if (Spreadsheets.formulaCell(row) != null) {
                        throw new BusinessException("import.formula", Spreadsheets.formulaCell(row));
                    }
                    String name = Spreadsheets.text(row, 0);
                    Long county = name == null ? null : countyByName.get(name);
                    Double year = Spreadsheets.number(row, 1);
                    Double vehicles = Spreadsheets.number(row, 2);
                    Double drivers = Spreadsheets.number(row, 3);
                    Long y = whole(year);
                    Map<String, String> errors = check(county, y == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(y, Integer.MAX_VALUE)),
                            whole(vehicles), whole(drivers));
                    if (county != null && !scopes.reaches(user.scope(), new ScopeFilter.Subject(county, null, null, null),
                            ScopeFilter.Mode.ACT)) {
                        errors.put("countyId", "enterprise.outside.scope");
                    }
                    if (!errors.isEmpty()) {
                        rejected.add(line + ":" + String.join(",", errors.values()));
                    } else {
                        rows.add(new long[] {county, whole(year), whole(vehicles), whole(drivers)});
                    }
                } catch (BusinessException e) {
                    rejected.add(line + ":" + e.messageKey());
                }
            }
        } catch (IOException e) {
            throw new BusinessException("import.unreadable");
        }
        if (!rejected.isEmpty()) {
            throw new Rejected(rejected);
        }
        if (rows.isEmpty()) {
            throw new BusinessException("import.empty");
        }
        for (long[] r : rows) {
            save(r[0], (int) r[1], r[2], r[3], user);
        }
        return rows.size();
    }

    /** An import refused whole: each entry is "line:messageKey[,messageKey]". */
    public static class Rejected extends BusinessException {
        private final List<String> lines;

        Rejected(List<String> lines) {
            super("motor.import.rejected", lines.size());
            this.lines = List.copyOf(lines);
        }

        public List<String> lines() {
            return lines;
        }
    }

    /** A cell's number as a whole number; a fraction becomes −1, which every check refuses. */
    private static Long whole(Double d) {
        return d == null ? null : d != Math.rint(d) || Math.abs(d) > 1e15 ? -1L : d.longValue();
    }

    private Map<String, String> check(Long countyId, Integer year, Long vehicles, Long drivers) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (countyId == null || directory.counties().stream().noneMatch(c -> c.id() == countyId)) {
            errors.put("countyId", "accident.county.unknown");
        }
        int thisYear = OffsetDateTime.now(clock).getYear();
        if (year == null || year < thisYear - 30 || year > thisYear) {
            errors.put("year", "motor.year.invalid");
        }
        if (vehicles == null || vehicles < 0) {
            errors.put("vehicles", "motor.count.invalid");
        }
        if (drivers == null || drivers < 0) {
            errors.put("drivers", "motor.count.invalid");
        }
        return errors;
    }

    private void save(long countyId, int year, long vehicles, long drivers, CurrentUser user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> before = jdbc.sql("SELECT vehicles, drivers FROM statistics_motor_count WHERE county_id = :c AND stat_year = :y")
                .param("c", countyId).param("y", year).query().listOfRows().stream().findFirst().orElse(null);
        int updated = jdbc.sql("""
                        UPDATE statistics_motor_count SET vehicles = :v, drivers = :d, entered_by = :by, entered_at = :at
                        WHERE county_id = :c AND stat_year = :y""")
                .param("v", vehicles).param("d", drivers).param("by", user.username()).param("at", now).param("c", countyId)
                .param("y", year).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO statistics_motor_count (county_id, stat_year, vehicles, drivers, entered_by, entered_at)
                            VALUES (:c, :y, :v, :d, :by, :at)""")
                    .param("c", countyId).param("y", year).param("v", vehicles).param("d", drivers).param("by", user.username())
                    .param("at", now).update();
        }
        audit.record(updated == 0 ? "CREATE" : "UPDATE", "motor_count", countyId, year + " " + vehicles + "/" + drivers, before,
                Map.of("year", year, "vehicles", vehicles, "drivers", drivers));
    }
}
