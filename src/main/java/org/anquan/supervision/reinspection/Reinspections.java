package org.anquan.supervision.reinspection;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.Hazards;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.jobs.JobLocks;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.CityTime;
import org.anquan.shared.DateHorizon;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.supervision.escalation.EscalationLevel;
import org.anquan.supervision.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 回头看: the monthly draw of closed hazards per county, and the re-inspection result. A failure
 * reopens the hazard and is counted against the department that accepted it.
 */
@Service
public class Reinspections {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final DateHorizon horizon;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final Hazards hazards;
    private final ReinspectionProperties properties;
    private final AuditTrail audit;
    private final JobLocks locks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ScopeFilter scopes;
    private final Inbox inbox;

    /** A draw's own column (its county), and a drawn hazard's columns, for each dimension of a data scope. */
    static final ScopeFilter.Columns DRAW_SCOPE = ScopeFilter.Columns.of().county("d.county_id");
    static final ScopeFilter.Columns HAZARD_SCOPE = ScopeFilter.Columns.of().county("h.county_id").department("h.department_id")
            .industry("h.industry_code").enterprise("h.enterprise_id");

    Reinspections(JdbcClient jdbc, Directory directory, Hazards hazards, ReinspectionProperties properties, AuditTrail audit,
                  JobLocks locks, TransactionTemplate tx, Clock clock, ScopeFilter scopes, DateHorizon horizon,
                  Inbox inbox) {
        this.inbox = inbox;
        this.horizon = horizon;
        this.scopes = scopes;
        this.jdbc = jdbc;
        this.directory = directory;
        this.hazards = hazards;
        this.properties = properties;
        this.audit = audit;
        this.locks = locks;
        this.tx = tx;
        this.clock = clock;
    }

    public record Draw(long id, String period, long countyId, String countyName, long seed, double share, int population,
                       int drawn, int failed, OffsetDateTime drawnAt) {
    }

    public record Item(long id, long hazardId, String hazardCode, String subject, String result, String note,
                       String inspectedBy) {
    }

    /** On the 2nd of each month: draw last month's closed hazards in every county. */
    @Scheduled(cron = "${anquan.supervision.reinspection-cron:0 30 2 2 * *}", zone = "${anquan.time-zone}")
    void scheduled() {
        drawMonth(YearMonth.now(clock).minusMonths(1), "system");
    }

    /** Draws the month for every county not drawn yet; returns how many draws were made. */
    public Optional<Integer> drawMonth(YearMonth month, String actor) {
        return locks.runExclusively("reinspection-draw", () -> tx.execute(s -> {
            int made = 0;
            for (Directory.RegionRef county : directory.counties()) {
                if (draw(month, county.id(), SEEDS.nextLong(), actor)) {
                    made++;
                }
            }
            return made;
        }));
    }

    /** One county's draw with a given seed; false when the month was drawn already. */
    boolean draw(YearMonth month, long countyId, long seed, String actor) {
        String period = month.toString();
        if (jdbc.sql("SELECT COUNT(*) FROM reinspection_draw WHERE period = :p AND county_id = :c")
                .param("p", period).param("c", countyId).query(Long.class).single() > 0) {
            return false;
        }
        List<Long> population = jdbc.sql("""
                SELECT id FROM hazards_hazard_view WHERE county_id = :c AND status = 'CLOSED' AND closed_at >= :from AND closed_at < :to
                ORDER BY id""")
                .param("c", countyId)
                .param("from", CityTime.startOf(month.atDay(1), clock))
                .param("to", CityTime.startOf(month.plusMonths(1).atDay(1), clock))
                .query(Long.class).list();
        // the random sample, and every hazard an enterprise closed itself that was chosen for a spot check
        List<Long> spot = jdbc.sql("""
                SELECT id FROM hazards_hazard_view WHERE county_id = :c AND status = 'CLOSED' AND spot_check = TRUE
                AND closed_at >= :from AND closed_at < :to ORDER BY id""")
                .param("c", countyId)
                .param("from", CityTime.startOf(month.atDay(1), clock))
                .param("to", CityTime.startOf(month.plusMonths(1).atDay(1), clock))
                .query(Long.class).list();
        List<Long> sample = withSpotChecks(ReinspectionSample.draw(population, properties.share(), seed), spot);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reinspection_draw (period, county_id, seed, share, population, drawn_at, drawn_by, population_ids,
                                               population_hash, sample_hash, spot_ids)
                VALUES (:p, :c, :seed, :share, :n, :at, :by, :ids, :ph, :sh, :spot)""")
                .param("spot", join(spot))
                .param("p", period).param("c", countyId).param("seed", seed)
                .param("ids", join(population)).param("ph", sha256(population)).param("sh", sha256(sample))
                .param("share", BigDecimal.valueOf(properties.share())).param("n", population.size())
                .param("at", OffsetDateTime.now(clock)).param("by", actor).update(keys, "id");
        long drawId = keys.getKeyAs(Number.class).longValue();
        for (Long hazardId : sample) {
            jdbc.sql("""
                    INSERT INTO reinspection_item (draw_id, hazard_id, accepted_by_department, accepted_unit_kind, accepted_unit_id)
                    SELECT :d, id, accepted_by_department, accepted_unit_kind, accepted_unit_id FROM hazards_hazard_view WHERE id = :h""")
                    .param("d", drawId).param("h", hazardId).update();
        }
        audit.record("DRAW", "reinspection_draw", drawId, period + " county " + countyId + ": " + sample.size() + "/"
                + population.size() + " seed " + seed, null, null);
        return true;
    }

    public boolean exists(long drawId) {
        return jdbc.sql("SELECT COUNT(*) FROM reinspection_draw WHERE id = :id").param("id", drawId).query(Long.class).single() > 0;
    }

    /**
     * A replay of a stored draw, compared with what was stored: the sample drawn again from the stored
     * population with the stored seed against the stored sample hash and the drawn items, and the
     * population rebuilt from today's register against the stored population hash.
     *
     * @param archived            whether the draw stored its population and hashes (draws before that cannot be proved)
     * @param sampleMatches       the replayed sample is the stored one, hazard for hazard
     * @param populationUnchanged today's register gives the same population (false: closures moved since)
     */
    public record Verification(boolean archived, boolean sampleMatches, boolean populationUnchanged, int drawn) {
    }

    public Verification verify(long drawId) {
        Map<String, Object> d = jdbc.sql("SELECT period, county_id, seed, share, population_ids, population_hash, sample_hash, spot_ids "
                        + "FROM reinspection_draw WHERE id = :id")
                .param("id", drawId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("draw", drawId));
        List<Long> items = jdbc.sql("SELECT hazard_id FROM reinspection_item WHERE draw_id = :d ORDER BY hazard_id")
                .param("d", drawId).query(Long.class).list();
        if (d.get("population_ids") == null) {
            return new Verification(false, false, false, items.size());
        }
        List<Long> stored = parse(d.get("population_ids").toString());
        List<Long> replayed = withSpotChecks(ReinspectionSample.draw(stored, ((Number) d.get("share")).doubleValue(),
                ((Number) d.get("seed")).longValue()), d.get("spot_ids") == null ? List.of() : parse(d.get("spot_ids").toString()));
        boolean sampleMatches = sha256(replayed).equals(d.get("sample_hash")) && replayed.stream().sorted().toList().equals(items)
                && sha256(stored).equals(d.get("population_hash"));
        YearMonth month = YearMonth.parse((String) d.get("period"));
        // today's register: closed in the month, or drawn from it and reopened since
        List<Long> live = jdbc.sql("""
                SELECT id FROM hazards_hazard_view WHERE county_id = :c AND ((status = 'CLOSED' AND closed_at >= :from AND closed_at < :to)
                   OR id IN (SELECT hazard_id FROM reinspection_item WHERE draw_id = :d))
                ORDER BY id""")
                .param("c", ((Number) d.get("county_id")).longValue())
                .param("from", CityTime.startOf(month.atDay(1), clock))
                .param("to", CityTime.startOf(month.plusMonths(1).atDay(1), clock))
                .param("d", drawId).query(Long.class).list();
        return new Verification(true, sampleMatches, sha256(live).equals(d.get("population_hash")), items.size());
    }

    /** The sample with the spot checks added, each hazard once, in id order. */
    static List<Long> withSpotChecks(List<Long> sample, List<Long> spot) {
        return Stream.concat(sample.stream(), spot.stream()).distinct().sorted().toList();
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> parse(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    /** SHA-256 of the ids in order, as text: what a draw is proved by. */
    static String sha256(List<Long> ids) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(join(ids).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The draws of the scope's county, or those holding a hazard the scope may read. */
    public List<Draw> draws(DataScope scope) {
        ScopeFilter.Predicate own = scopes.read(scope, DRAW_SCOPE);
        ScopeFilter.Predicate drawn = scopes.read(scope, HAZARD_SCOPE);
        return jdbc.sql("""
                SELECT d.*, r.name AS county_name,
                       (SELECT COUNT(*) FROM reinspection_item i WHERE i.draw_id = d.id) AS drawn,
                       (SELECT COUNT(*) FROM reinspection_item i WHERE i.draw_id = d.id AND i.result = 'FAIL') AS failed
                FROM reinspection_draw d JOIN directory_region_view r ON r.id = d.county_id
                WHERE """ + "(" + own.sql() + " OR d.id IN (SELECT i.draw_id FROM reinspection_item i "
                        + "JOIN hazards_hazard_view h ON h.id = i.hazard_id WHERE " + drawn.sql() + ")) ORDER BY d.period DESC, r.code LIMIT 120")
                .params(own.params()).params(drawn.params())
                .query((rs, n) -> new Draw(rs.getLong("id"), rs.getString("period"), rs.getLong("county_id"),
                        rs.getString("county_name"), rs.getLong("seed"), rs.getDouble("share"), rs.getInt("population"),
                        rs.getInt("drawn"), rs.getInt("failed"), rs.getObject("drawn_at", OffsetDateTime.class)))
                .list();
    }

    /** The items of a draw that the scope may read: a viewer sees only hazards its scope holds. */
    public List<Item> items(long drawId, DataScope scope) {
        ScopeFilter.Predicate visible = scopes.read(scope, HAZARD_SCOPE);
        return jdbc.sql("""
                SELECT i.*, h.code, COALESCE(e.name, h.place) AS subject FROM reinspection_item i
                JOIN hazards_hazard_view h ON h.id = i.hazard_id LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id
                WHERE i.draw_id = :d""" + visible.and() + " ORDER BY i.hazard_id").param("d", drawId).params(visible.params())
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getLong("hazard_id"), rs.getString("code"), rs.getString("subject"),
                        rs.getString("result"), rs.getString("note"), rs.getString("inspected_by")))
                .list();
    }

    /** Failed re-inspections per accepting department: what counts against it. */
    public Map<Long, Long> failuresByDepartment() {
        Map<Long, Long> m = new LinkedHashMap<>();
        jdbc.sql("SELECT accepted_by_department, COUNT(*) FROM reinspection_item WHERE result = 'FAIL' AND accepted_by_department IS NOT NULL "
                + "GROUP BY accepted_by_department ORDER BY COUNT(*) DESC")
                .query(rs -> { m.put(rs.getLong(1), rs.getLong(2)); });
        return m;
    }

    /**
     * A hazard accepted and closed but found unfixed: an interview (约谈) of the unit that accepted it is
     * proposed, as a step of the hazard's new round, told to its department and county.
     */
    private void proposeInterview(long hazardId, CurrentUser user) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Object> h = jdbc.sql("SELECT department_id, county_id, work_round, deadline FROM hazards_hazard_view WHERE id = :h")
                .param("h", hazardId).query().singleRow();
        long department = ((Number) h.get("department_id")).longValue();
        long county = ((Number) h.get("county_id")).longValue();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_step (hazard_id, level, work_round, stage, run_id, created_at, created_by, reason,
                                              department_id, county_id, hazard_deadline)
                VALUES (:h, :level, :round, 'ACCEPT', :run, :now, :by, 'escalation.reason.REINSPECTION_FAILED', :d, :c, :deadline)""")
                .param("level", EscalationLevel.INTERVIEW.rank()).param("run", "reinspection-" + hazardId + "-" + now.toEpochSecond())
                .param("now", now).param("by", user.username()).param("h", hazardId).param("round", h.get("work_round"))
                .param("d", department).param("c", county).param("deadline", h.get("deadline"))
                .update(keys, "id");
        inbox.tell(department, county, hazardId, keys.getKeyAs(Number.class).longValue(), "inbox.escalation", now);
        audit.record("ESCALATE", "hazard", hazardId, "INTERVIEW proposed after failed re-inspection", null, null);
    }

    /** Records the result; a failure reopens the hazard with a new deadline and proposes an interview of the accepting unit. */
    @Transactional
    public void record(long drawId, long itemId, boolean passed, String note, LocalDate newDeadline, CurrentUser user) {
        user.require(Permission.REINSPECTION_RECORD);
        // an item is recorded only within its own draw: the same item under another draw's address does not exist
        Map<String, Object> item = jdbc.sql("""
                SELECT i.hazard_id, i.result, d.county_id FROM reinspection_item i JOIN reinspection_draw d ON d.id = i.draw_id
                WHERE i.id = :id AND i.draw_id = :draw""").param("id", itemId).param("draw", drawId).query().listOfRows().stream()
                .findFirst().orElseThrow(() -> new NotFoundException("reinspection_item", itemId));
        if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(((Number) item.get("county_id")).longValue(), null, null, null),
                ScopeFilter.Mode.ACT)) {
            throw new ScopeDeniedException("reinspection_item", itemId);
        }
        if (item.get("result") != null) {
            throw new BusinessException("reinspection.already.recorded");
        }
        if (!passed && (note == null || note.isBlank())) {
            throw new InvalidInputException(Map.of("note", "validation.required"));
        }
        if (note != null && note.strip().length() > 1000) {
            throw new InvalidInputException(Map.of("note", "validation.too.long"));
        }
        horizon.check(Collections.singletonMap("deadline", newDeadline));
        long hazardId = ((Number) item.get("hazard_id")).longValue();
        if (!passed) {
            hazards.reopen(hazardId, "回头看：" + note.trim(), newDeadline, user);
            proposeInterview(hazardId, user);
        }
        jdbc.sql("UPDATE reinspection_item SET result = :r, note = :n, inspected_by = :by, inspected_at = :at WHERE id = :id")
                .param("r", passed ? "PASS" : "FAIL").param("n", note == null || note.isBlank() ? null : note.trim())
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("id", itemId).update();
        audit.record("REINSPECT", "hazard", hazardId, passed ? "PASS" : "FAIL", null, null);
    }
}
