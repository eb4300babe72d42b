package org.anquan.traffic.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Traffic settings beyond the Order 62 limits (defaults in {@code application.yml}).
 *
 * @param readingRetentionMonths readings that opened no case are kept this many whole months; older ones are
 *                               refused at intake and cleared by the retention job
 * @param partitionsAheadMonths  on PostgreSQL, the monthly partitions are created this many months ahead
 * @param clockSkew              a reading may carry a time this far after the city clock (the station's clock runs ahead)
 * @param feedbackDays           a party notified of a case answers within this many days
 * @param ladderDays             days overdue at which unanswered feedback climbs: reminder, supervision notice,
 *                               listed supervision, interview (约谈), four rising numbers
 * @param repeatVehicleTimes     Art. 66: a vehicle over-limit more than this many times in twelve months
 * @param repeatFleetPercent     Art. 66: a company whose over-limit vehicles in twelve months exceed this share of its fleet
 * @param sourceSharePercent     a loading unit whose share of the over-limit departures of the last 90 days exceeds this becomes an inspection target
 * @param prone                  what makes a road segment accident-prone
 * @param tunnelClasses          the lengths (m) where a highway tunnel stops being short, medium and long, three rising numbers
 * @param sourceSeizuresTarget   a producer, seller or modification shop traced from this many seizures is an inspection target
 * @param passenger              两客一危: terminals online, serious violators listed
 * @param water                  the flood season and the departments of its campaign
 * @param maxLengthM             Order 62 size limit: a vehicle strictly longer is oversize
 * @param maxWidthM              … wider
 * @param maxHeightM             … higher
 * @param tolerancePercent       the enforcement tolerance on weigh-in-motion masses, 0 to 10 percent
 */
@ConfigurationProperties("anquan.traffic")
public record TrafficProperties(int readingRetentionMonths, int partitionsAheadMonths, Duration clockSkew, int feedbackDays,
                                List<Integer> ladderDays, int repeatVehicleTimes, int repeatFleetPercent, int sourceSharePercent, Prone prone,
                                List<Integer> tunnelClasses, int sourceSeizuresTarget, Passenger passenger, Water water,
                                double maxLengthM, double maxWidthM, double maxHeightM, BigDecimal tolerancePercent) {

    /**
     * @param floodSeasonMonths the first and last month of the flood season (汛期), both included
     * @param floodDepartments  the codes of the departments whose inspections make the flood-season campaign
     */
    public record Water(List<Integer> floodSeasonMonths, List<String> floodDepartments) {
    }

    /**
     * @param terminalOnline    a positioning terminal is online when it sent a position within this long
     * @param seriousViolations a driver with this many serious violations (illegal carrying, speeding, fatigue) within twelve months is listed
     * @param listedMonths      a listed driver stays on the public list this many months (drunk driving lists at once)
     */
    public record Passenger(Duration terminalOnline, int seriousViolations, int listedMonths) {
    }

    /**
     * @param windowDays   the accidents of this many days back count
     * @param matchMeters  an accident this close to a segment's line is the segment's
     * @param minAccidents accident-prone from this many accidents in the window
     * @param minDeaths    or from this many deaths
     */
    public record Prone(int windowDays, int matchMeters, int minAccidents, int minDeaths) {
    }

    public TrafficProperties {
        if (readingRetentionMonths < 1 || partitionsAheadMonths < 1 || clockSkew == null || clockSkew.isNegative() || feedbackDays < 1) {
            throw new IllegalStateException("anquan.traffic: reading-retention-months, partitions-ahead-months and feedback-days are at least 1, clock-skew not negative");
        }
        if (ladderDays == null || ladderDays.size() != 4) {
            throw new IllegalStateException("anquan.traffic.ladder-days: four rising numbers of days overdue");
        }
        for (int i = 1; i < 4; i++) {
            if (ladderDays.get(i) <= ladderDays.get(i - 1)) {
                throw new IllegalStateException("anquan.traffic.ladder-days must rise");
            }
        }
        if (repeatVehicleTimes < 1 || repeatFleetPercent < 1 || repeatFleetPercent > 100 || sourceSharePercent < 1 || sourceSharePercent > 100) {
            throw new IllegalStateException("anquan.traffic: repeat-vehicle-times >= 1, repeat-fleet-percent and source-share-percent within 1..100");
        }
        if (prone == null || prone.windowDays() < 1 || prone.matchMeters() < 1 || prone.minAccidents() < 1 || prone.minDeaths() < 1) {
            throw new IllegalStateException("anquan.traffic.prone: window-days, match-meters, min-accidents and min-deaths are at least 1");
        }
        if (tunnelClasses == null || tunnelClasses.size() != 3 || tunnelClasses.get(0) >= tunnelClasses.get(1)
                || tunnelClasses.get(1) >= tunnelClasses.get(2) || sourceSeizuresTarget < 1) {
            throw new IllegalStateException("anquan.traffic.tunnel-classes: three rising lengths; source-seizures-target at least 1");
        }
        if (passenger == null || passenger.terminalOnline() == null || passenger.terminalOnline().isNegative() || passenger.seriousViolations() < 1
                || passenger.listedMonths() < 1) {
            throw new IllegalStateException("anquan.traffic.passenger: terminal-online, serious-violations >= 1 and listed-months >= 1");
        }
        if (water == null || water.floodSeasonMonths() == null || water.floodSeasonMonths().size() != 2
                || water.floodSeasonMonths().get(0) < 1 || water.floodSeasonMonths().get(1) > 12
                || water.floodSeasonMonths().get(0) > water.floodSeasonMonths().get(1) || water.floodDepartments() == null
                || water.floodDepartments().isEmpty()) {
            throw new IllegalStateException("anquan.traffic.water: flood-season-months [first, last] within 1..12, flood-departments not empty");
        }
        ladderDays = List.copyOf(ladderDays);
        tunnelClasses = List.copyOf(tunnelClasses);
    }
}
