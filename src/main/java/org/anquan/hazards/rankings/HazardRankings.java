package org.anquan.hazards.rankings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.anquan.shared.CityTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rankings of counties and departments over a period: hazards found, closed, closure rate, overdue
 * now, and mean days from report to closing. Best first: highest closure rate, then fewest overdue.
 */
@Component
public class HazardRankings {

    private final JdbcClient jdbc;
    private final Clock clock;

    HazardRankings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Rank(long unitId, String unit, long found, long closed, long overdue, Double meanDaysToClose) {
        public double closureRate() {
            return found == 0 ? 0 : (double) closed / found;
        }

        public String closureRatePercent() {
            return String.format(Locale.ROOT, "%.1f%%", closureRate() * 100);
        }

        public String meanDays() {
            return meanDaysToClose == null ? "—" : String.format(Locale.ROOT, "%.1f", meanDaysToClose);
        }
    }

    public enum By { COUNTY, DEPARTMENT }

    public List<Rank> rank(By by, LocalDate from, LocalDate to, LocalDate today, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        String unit = by == By.COUNTY ? "county_id" : "department_id";
        String join = by == By.COUNTY
                ? "directory_region_view u ON u.id = h.county_id"
                : "directory_department_view u ON u.id = h.department_id";
        String name = by == By.COUNTY ? "u.name" : (en ? "COALESCE(u.name_en, u.name)" : "u.name");
        List<Rank> ranks = jdbc.sql("SELECT h." + unit + " AS unit_id, " + name + " AS unit, COUNT(*) AS found, "
                        + "SUM(CASE WHEN h.status = 'CLOSED' THEN 1 ELSE 0 END) AS closed, "
                        + "SUM(CASE WHEN h.open_deadline < :today THEN 1 ELSE 0 END) AS overdue, "
                        + "AVG(CASE WHEN h.status = 'CLOSED' THEN (EXTRACT(EPOCH FROM h.closed_at) - EXTRACT(EPOCH FROM h.reported_at)) / 86400.0 END) AS mean_days "
                        + "FROM hazard h JOIN " + join + " "
                        + "WHERE h.reported_at >= :from AND h.reported_at < :to AND h.status <> 'REJECTED' "
                        + "GROUP BY h." + unit + ", " + name)
                .param("today", today)
                .param("from", CityTime.startOf(from, clock))
                .param("to", CityTime.endOf(to, clock))
                .query((rs, n) -> new Rank(rs.getLong("unit_id"), rs.getString("unit"), rs.getLong("found"), rs.getLong("closed"),
                        rs.getLong("overdue"), rs.getObject("mean_days") == null ? null : rs.getDouble("mean_days")))
                .list();
        return ranks.stream().sorted(Comparator.comparingDouble(Rank::closureRate).reversed()
                .thenComparingLong(Rank::overdue).thenComparing(Rank::unit)).toList();
    }
}
