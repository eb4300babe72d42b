package org.anquan.statistics.accidents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Motor vehicles and licensed drivers of each county at the end of each year, and their compound
 * annual growth (年均复合增长率) over the years every county of the scope has given.
 */
@Service
@Transactional
class MotorVehicles {

    static final ScopeFilter.Columns SCOPE = ScopeFilter.Columns.of().county("m.county_id");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Clock clock;
    private final Messages messages;

    MotorVehicles(JdbcClient jdbc, Directory directory, ScopeFilter scopes, AuditTrail audit, Clock clock, Messages messages) {
        this.messages = messages;
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
                        JOIN directory_region_view c ON c.id = m.county_id""" + " WHERE " + visible.sql() + " ORDER BY m.stat_year DESC, c.code")
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

    /** The most lines of one import (a county a line, for every year kept). */
    static final int MAX_IMPORT_LINES = 5_000;

    private TabularImport<long[]> table(CurrentUser user) {
        Map<String, Long> countyByName = new LinkedHashMap<>();
        directory.counties().forEach(c -> countyByName.put(c.name(), c.id()));
        List<TabularImport.Column> columns = List.of(
                TabularImport.Column.required("county", messages.get("statistics.groupBy.COUNTY"), "县区", "County"),
                TabularImport.Column.required("year", messages.get("statistics.motor.year"), "年度", "Year"),
                TabularImport.Column.required("vehicles", messages.get("statistics.motor.vehicles"), "机动车",
                        messages.inLocale("statistics.motor.vehicles", Locale.SIMPLIFIED_CHINESE),
                        messages.inLocale("statistics.motor.vehicles", Locale.ENGLISH)),
                TabularImport.Column.required("drivers", messages.get("statistics.motor.drivers"), "驾驶人",
                        messages.inLocale("statistics.motor.drivers", Locale.SIMPLIFIED_CHINESE),
                        messages.inLocale("statistics.motor.drivers", Locale.ENGLISH)));
        return TabularImport.of(columns, MAX_IMPORT_LINES, line -> {
            String name = line.text("county");
            Long county = name == null ? null : countyByName.get(name);
            Long y = whole(line.number("year"));
            Long vehicles = whole(line.number("vehicles"));
            Long drivers = whole(line.number("drivers"));
            Map<String, String> errors = check(county, y == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(y, Integer.MAX_VALUE)),
                    vehicles, drivers);
            if (county != null && !scopes.reaches(user.scope(), new ScopeFilter.Subject(county, null, null, null), ScopeFilter.Mode.ACT)) {
                errors.put("countyId", "enterprise.outside.scope");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new long[] {county, y, vehicles, drivers};
        }, messages::refusal);
    }

    /**
     * Imports a table (.xlsx, or CSV) of 县区, 年度, 机动车保有量, 驾驶人数量 under a header: all lines or
     * none, each wrong line named with its number ({@link TabularImport.Refused}). Returns how many
     * lines were stored.
     */
    public int importFile(byte[] bytes, String fileName, CurrentUser user) {
        user.require(Permission.STATISTICS_ENTER);
        TabularImport<long[]> table = table(user);
        TabularImport.Read<long[]> read = table.read(bytes, fileName);
        if (read.rows().isEmpty() && read.rejected().isEmpty()) {
            throw new BusinessException("import.no.rows");
        }
        return table.store(read, TabularImport.Mode.ALL_OR_NONE, null, r -> save(r[0], (int) r[1], r[2], r[3], user), n -> { }).stored();
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
