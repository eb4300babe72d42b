package org.anquan.duty.watch;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spot checks (值班抽查) by the city duty office: units on duty now are drawn at random — the seed is kept,
 * so the draw can be repeated from it and the population — and called; each call records who answered (the
 * rostered person, someone else, nobody), the seconds it took and whether the duty leader was on post. A
 * result for a unit that was not drawn (so not on a published roster then) is refused. Results are ranked
 * by unit over a period, and the units that failed are named in a notice.
 */
@Service
class SpotChecks {

    public enum Result { ROSTERED, OTHER, NONE }

    public record Call(long checkId, long rosterId, String unitKind, long unitId, String unitName, String result, Integer seconds,
                       Boolean leaderOnPost, OffsetDateTime calledAt, String person, String phone, String leader, String leaderPhone) {
    }

    public record Check(long id, OffsetDateTime drawnAt, String drawnBy, long seed, int population, int sampleSize) {
    }

    private final JdbcClient jdbc;
    private final DutyRosters rosters;
    private final AuditTrail audit;
    private final Clock clock;

    SpotChecks(JdbcClient jdbc, DutyRosters rosters, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.audit = audit;
        this.clock = clock;
    }

    /** Draws {@code size} of the units on duty now, with a fresh seed that is stored with the draw. */
    @Transactional
    public long draw(int size, CurrentUser user) {
        user.require(Permission.DUTY_SPOT_CHECK);
        if (size < 1 || size > 100) {
            throw new InvalidInputException(Map.of("size", "duty.spot.size.invalid"));
        }
        List<DutyRosters.OnDuty> onDuty = rosters.onDutyNow();
        if (onDuty.isEmpty()) {
            throw new BusinessException("duty.spot.nobody");
        }
        long seed = new SecureRandom().nextLong();
        List<DutyRosters.OnDuty> drawn = sample(onDuty, size, seed);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO duty_spot_check (drawn_at, drawn_by, seed, population, sample_size) VALUES (:at, :by, :seed, :pop, :n)")
                .param("at", OffsetDateTime.now(clock)).param("by", user.username()).param("seed", seed).param("pop", onDuty.size())
                .param("n", drawn.size()).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (DutyRosters.OnDuty d : drawn) {
            jdbc.sql("INSERT INTO duty_spot_call (check_id, roster_id, unit_kind, unit_id, unit_name) VALUES (:c, :r, :k, :u, :n)")
                    .param("c", id).param("r", d.roster().id()).param("k", d.roster().unitKind()).param("u", d.roster().unitId())
                    .param("n", d.roster().unitName()).update();
        }
        audit.record("DRAW", "duty_spot_check", id, drawn.size() + " of " + onDuty.size() + " units, seed " + seed, null, null);
        return id;
    }

    /** The draw: the population in the order of its rosters' ids, shuffled with the seed, the first {@code size}. */
    static List<DutyRosters.OnDuty> sample(List<DutyRosters.OnDuty> population, int size, long seed) {
        List<DutyRosters.OnDuty> ordered = new ArrayList<>(population);
        ordered.sort(Comparator.comparingLong(d -> d.roster().id()));
        Collections.shuffle(ordered, new Random(seed));
        return ordered.subList(0, Math.min(size, ordered.size()));
    }

    /** Records a call's result; refused for a unit the check did not draw. */
    @Transactional
    public void record(long checkId, long rosterId, Result result, Integer seconds, Boolean leaderOnPost, CurrentUser user) {
        user.require(Permission.DUTY_SPOT_CHECK);
        check(checkId);
        if (result == null) {
            throw new InvalidInputException(Map.of("result", "validation.required"));
        }
        if (result != Result.NONE && (seconds == null || seconds < 0 || seconds > 600)) {
            throw new InvalidInputException(Map.of("seconds", "duty.spot.seconds.invalid"));
        }
        if (leaderOnPost == null) {
            throw new InvalidInputException(Map.of("leaderOnPost", "validation.required"));
        }
        int n = jdbc.sql("""
                UPDATE duty_spot_call SET result = :r, seconds_to_answer = :s, leader_on_post = :l, called_at = :at, recorded_by = :by
                WHERE check_id = :c AND roster_id = :roster""")
                .param("r", result.name()).param("s", result == Result.NONE ? null : seconds).param("l", leaderOnPost)
                .param("at", OffsetDateTime.now(clock)).param("by", user.username()).param("c", checkId).param("roster", rosterId).update();
        if (n == 0) {
            throw new BusinessException("duty.spot.not.drawn");
        }
        audit.record("SPOT_CALL", "duty_spot_check", checkId, "roster " + rosterId + " " + result + (seconds == null ? "" : " " + seconds + " s")
                + (leaderOnPost ? ", leader on post" : ", leader not on post"), null, null);
    }

    public Check check(long id) {
        return jdbc.sql("SELECT id, drawn_at, drawn_by, seed, population, sample_size FROM duty_spot_check WHERE id = :id").param("id", id)
                .query((rs, n) -> new Check(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getLong(4), rs.getInt(5),
                        rs.getInt(6))).optional().orElseThrow(() -> new NotFoundException("spot check", id));
    }

    public List<Check> checks(int limit) {
        return jdbc.sql("SELECT id, drawn_at, drawn_by, seed, population, sample_size FROM duty_spot_check ORDER BY drawn_at DESC LIMIT :n")
                .param("n", limit).query((rs, n) -> new Check(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getLong(4),
                        rs.getInt(5), rs.getInt(6))).list();
    }

    /** The calls of a check, each with whom the roster says to reach at the time of the draw. */
    public List<Call> calls(long checkId) {
        Check c = check(checkId);
        return jdbc.sql("""
                SELECT k.check_id, k.roster_id, k.unit_kind, k.unit_id, k.unit_name, k.result, k.seconds_to_answer, k.leader_on_post, k.called_at,
                       (SELECT MIN(s.person) FROM duty_shift s WHERE s.roster_id = k.roster_id AND s.duty_role = 'OFFICER' AND s.starts_at <= :at AND s.ends_at > :at),
                       (SELECT MIN(s.phone) FROM duty_shift s WHERE s.roster_id = k.roster_id AND s.duty_role = 'OFFICER' AND s.starts_at <= :at AND s.ends_at > :at),
                       (SELECT MIN(s.person) FROM duty_shift s WHERE s.roster_id = k.roster_id AND s.duty_role = 'LEADER' AND s.starts_at <= :at AND s.ends_at > :at),
                       (SELECT MIN(s.phone) FROM duty_shift s WHERE s.roster_id = k.roster_id AND s.duty_role = 'LEADER' AND s.starts_at <= :at AND s.ends_at > :at)
                FROM duty_spot_call k WHERE k.check_id = :c ORDER BY k.unit_kind, k.unit_name""")
                .param("c", checkId).param("at", c.drawnAt())
                .query((rs, n) -> new Call(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, Integer.class), rs.getObject(8, Boolean.class), rs.getObject(9, OffsetDateTime.class), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)))
                .list();
    }

    /** A unit's spot-check record over a period. A unit fails a call that nobody answered, that the rostered person did not, or without the leader on post. */
    public record Rank(String unitName, int calls, int rostered, int other, int none, int leaderAbsent, Double averageSeconds) {
        public int failures() {
            return other + none + leaderAbsent;
        }

        public boolean compliant() {
            return failures() == 0;
        }
    }

    /** Units ranked over [from, to] (city days): the fewest failures, then the fastest answers, first. */
    public List<Rank> ranking(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new BusinessException("duty.period.invalid");
        }
        List<Rank> ranks = jdbc.sql("""
                SELECT k.unit_name, COUNT(*),
                       SUM(CASE WHEN k.result = 'ROSTERED' THEN 1 ELSE 0 END), SUM(CASE WHEN k.result = 'OTHER' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN k.result = 'NONE' THEN 1 ELSE 0 END), SUM(CASE WHEN k.leader_on_post = FALSE THEN 1 ELSE 0 END),
                       AVG(CAST(k.seconds_to_answer AS DOUBLE PRECISION))
                FROM duty_spot_call k JOIN duty_spot_check c ON c.id = k.check_id
                WHERE k.result IS NOT NULL AND c.drawn_at >= :from AND c.drawn_at < :to
                GROUP BY k.unit_kind, k.unit_id, k.unit_name""")
                .param("from", CityTime.startOf(from, clock)).param("to", CityTime.endOf(to, clock))
                .query((rs, n) -> new Rank(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        rs.getObject(7) == null ? null : Math.round(rs.getDouble(7) * 10) / 10.0))
                .list();
        List<Rank> sorted = new ArrayList<>(ranks);
        sorted.sort(Comparator.comparingInt(Rank::failures)
                .thenComparing(r -> r.averageSeconds() == null ? Double.MAX_VALUE : r.averageSeconds()).thenComparing(Rank::unitName));
        return sorted;
    }
}
