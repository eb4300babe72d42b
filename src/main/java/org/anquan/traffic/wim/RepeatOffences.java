package org.anquan.traffic.wim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.shared.CityTime;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公路安全保护条例 Art. 66 as a named policy over the cases of the last twelve months: a vehicle over-limit more
 * than {@code repeat-vehicle-times} times (its operating certificate is revoked, its drivers stopped from
 * commercial transport), a transport company whose over-limit vehicles exceed {@code repeat-fleet-percent} of
 * its fleet (ordered to stop business for rectification). Each raises one credit action per twelve months,
 * listed with the cases (and so the readings) that caused it.
 */
@Service
public class RepeatOffences {

    public static final String VEHICLE = "ART66_VEHICLE";
    public static final String COMPANY = "ART66_COMPANY";

    public record Action(long id, String ruleCode, String subject, Long operatorId, List<Long> caseIds, String detail, OffsetDateTime raisedAt,
                         LocalDate windowFrom, LocalDate windowTo) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    RepeatOffences(JdbcClient jdbc, AuditTrail audit, TrafficProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** Raises the actions the last twelve months call for and none raised already within them; returns how many. */
    @Transactional
    public int raise() {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusMonths(12);
        OffsetDateTime since = CityTime.startOf(from, clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int raised = 0;
        List<String> plates = jdbc.sql("""
                SELECT plate FROM traffic_case WHERE measured_at >= :since GROUP BY plate HAVING COUNT(*) > :times""")
                .param("since", since).param("times", props.repeatVehicleTimes()).query(String.class).list();
        for (String plate : plates) {
            if (raisedSince(VEHICLE, plate, since)) {
                continue;
            }
            List<Long> cases = jdbc.sql("SELECT id FROM traffic_case WHERE plate = :p AND measured_at >= :since ORDER BY measured_at")
                    .param("p", plate).param("since", since).query(Long.class).list();
            Long operator = jdbc.sql("SELECT MAX(operator_id) FROM traffic_case WHERE plate = :p AND measured_at >= :since")
                    .param("p", plate).param("since", since).query(Long.class).optional().orElse(null);
            raised += insert(VEHICLE, plate, operator, cases, cases.size() + " / 12", from, today, now);
        }
        List<Object[]> companies = jdbc.sql("""
                SELECT o.id, o.name, o.fleet_size, COUNT(DISTINCT c.plate) FROM traffic_operator o JOIN traffic_case c ON c.operator_id = o.id
                WHERE c.measured_at >= :since AND o.fleet_size > 0 GROUP BY o.id, o.name, o.fleet_size""")
                .param("since", since).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)}).list();
        for (Object[] c : companies) {
            long vehicles = (long) c[3];
            int fleet = (int) c[2];
            if (vehicles * 100 <= (long) fleet * props.repeatFleetPercent() || raisedSince(COMPANY, (String) c[1], since)) {
                continue;
            }
            List<Long> cases = jdbc.sql("SELECT id FROM traffic_case WHERE operator_id = :o AND measured_at >= :since ORDER BY measured_at")
                    .param("o", c[0]).param("since", since).query(Long.class).list();
            raised += insert(COMPANY, (String) c[1], (Long) c[0], cases, vehicles + " / " + fleet, from, today, now);
        }
        return raised;
    }

    private boolean raisedSince(String rule, String subject, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM traffic_credit_action WHERE rule_code = :r AND subject = :s AND raised_at >= :since")
                .param("r", rule).param("s", subject).param("since", since).query(Long.class).single() > 0;
    }

    private int insert(String rule, String subject, Long operator, List<Long> cases, String detail, LocalDate from, LocalDate to,
                       OffsetDateTime now) {
        StringBuilder ids = new StringBuilder();
        for (Long id : cases) {
            if (ids.length() + 21 > 2000) {
                break;
            }
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_credit_action (rule_code, subject, operator_id, case_ids, detail, raised_at, window_from, window_to)
                VALUES (:r, :s, :o, :c, :d, :at, :f, :t)""")
                .param("r", rule).param("s", subject).param("o", operator).param("c", ids.toString()).param("d", detail).param("at", now)
                .param("f", from).param("t", to).update(keys, "id");
        audit.recordAlone("system", "RAISE", "traffic_credit_action", keys.getKeyAs(Number.class).longValue(), rule + " " + subject + " " + detail);
        return 1;
    }

    /** The actions raised, newest first. */
    public List<Action> list(int limit) {
        List<Action> out = new ArrayList<>();
        jdbc.sql("""
                SELECT id, rule_code, subject, operator_id, case_ids, detail, raised_at, window_from, window_to FROM traffic_credit_action
                ORDER BY raised_at DESC, id DESC LIMIT :n""").param("n", limit)
                .query(rs -> {
                    List<Long> ids = new ArrayList<>();
                    for (String s : rs.getString(5).split(",")) {
                        if (!s.isBlank()) {
                            ids.add(Long.parseLong(s));
                        }
                    }
                    out.add(new Action(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class), List.copyOf(ids),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)));
                });
        return out;
    }
}
