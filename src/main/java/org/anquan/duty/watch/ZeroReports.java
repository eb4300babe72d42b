package org.anquan.duty.watch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily report (零报告) every unit on duty sends by the deadline ({@code anquan.duty.zero-report-by},
 * city time): "nothing to report", or a note of what happened. Once per unit and day; the units that
 * missed it are listed after the deadline.
 */
@Service
class ZeroReports {

    public record Status(DutyRosters.Unit unit, boolean reported, boolean nothing, String note, OffsetDateTime submittedAt, boolean missed) {
    }

    private final JdbcClient jdbc;
    private final DutyRosters rosters;
    private final AuditTrail audit;
    private final Clock clock;
    private final LocalTime deadline;

    ZeroReports(JdbcClient jdbc, DutyRosters rosters, AuditTrail audit, Clock clock, DutyProperties props) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.audit = audit;
        this.clock = clock;
        this.deadline = props.zeroReportBy();
    }

    public LocalTime deadline() {
        return deadline;
    }

    @Transactional
    public void submit(String unitKey, boolean nothing, String note, CurrentUser user) {
        user.require(Permission.DUTY_MANAGE);
        DutyRosters.Unit unit = rosters.unitsOf(user).stream().filter(u -> u.key().equals(unitKey)).findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of("unit", "duty.unit.unknown")));
        String text = note == null ? null : note.strip();
        if (!nothing && (text == null || text.isEmpty())) {
            throw new InvalidInputException(Map.of("note", "duty.zero.note.required"));
        }
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException(Map.of("note", "validation.too.long"));
        }
        LocalDate today = LocalDate.now(clock);
        try {
            jdbc.sql("""
                    INSERT INTO duty_zero_report (unit_kind, unit_id, report_date, nothing, note, submitted_by, submitted_at)
                    VALUES (:k, :u, :d, :n, :note, :by, :at)""")
                    .param("k", unit.kind()).param("u", unit.id()).param("d", today).param("n", nothing)
                    .param("note", text == null || text.isEmpty() ? null : text).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new BusinessException("duty.zero.done");
        }
        audit.record("ZERO_REPORT", "duty_zero_report", unit.key(), unit.name() + " " + today + (nothing ? " nothing to report" : " with a note"),
                null, null);
    }

    /** Each unit's report of the day (townships report through their county), and whether it is missed. */
    public List<Status> of(LocalDate day) {
        Map<String, Object[]> reports = new HashMap<>();
        jdbc.sql("SELECT unit_kind, unit_id, nothing, note, submitted_at FROM duty_zero_report WHERE report_date = :d").param("d", day)
                .query(rs -> {
                    reports.put(rs.getString(1) + ":" + rs.getLong(2), new Object[] {rs.getBoolean(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class)});
                });
        boolean pastDeadline = OffsetDateTime.now(clock).isAfter(day.atTime(deadline).atZone(clock.getZone()).toOffsetDateTime());
        return rosters.units().stream().filter(u -> !"REGION".equals(u.kind()) || u.countyId() == u.id()).map(u -> {
            Object[] r = reports.get(u.key());
            return r == null ? new Status(u, false, false, null, null, pastDeadline)
                    : new Status(u, true, (Boolean) r[0], (String) r[1], (OffsetDateTime) r[2], false);
        }).toList();
    }
}
