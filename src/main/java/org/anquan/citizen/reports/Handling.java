package org.anquan.citizen.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.Finding;
import org.anquan.hazards.HazardClosed;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What officers do with a citizen's report, each step checked against the status, the permission
 * table and the scope filter, and written to the audit trail: moderate, merge, turn into a hazard or
 * a crackdown clue, reply (public) or note (internal), close; for a tip, read the confidential
 * reporter (audited each time) and the reward from proposal to payment.
 */
@Service
class Handling {

    public enum RejectReason { SPAM, ABUSE, OUT_OF_AREA, OTHER }

    /** The reporter's contact, opened for one look. */
    public record Contact(String name, String phone, String email) {
    }

    record Row(long id, String code, ReportStatus status, boolean tip, long countyId, long departmentId, String industryCode,
               int version, Double lon, Double lat, String address, String description, Long hazardId, String contactSealed) {
    }

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;
    private final AuditTrail audit;
    private final Hazards hazards;
    private final IdentitySeal seal;
    private final CitizenProperties props;
    private final Clock clock;

    Handling(JdbcClient jdbc, ScopeFilter scopes, AuditTrail audit, Hazards hazards, IdentitySeal seal, CitizenProperties props,
             Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.hazards = hazards;
        this.seal = seal;
        this.props = props;
        this.clock = clock;
    }

    Row load(long id) {
        return jdbc.sql("""
                SELECT id, tracking_code, status, tip, county_id, department_id, industry_code, version, lon, lat, address, description,
                       hazard_id, contact_sealed
                FROM citizen_report WHERE id = :id""").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), ReportStatus.valueOf(rs.getString(3)), rs.getBoolean(4),
                        rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getInt(8), (Double) rs.getObject(9, Double.class),
                        (Double) rs.getObject(10, Double.class), rs.getString(11), rs.getString(12), (Long) rs.getObject(13, Long.class),
                        rs.getString(14)))
                .optional().orElseThrow(() -> new NotFoundException("citizen report", id));
    }

    /** The report, when the user's scope reaches it (404 otherwise, like a report that does not exist). */
    Row reachable(long id, CurrentUser user, ScopeFilter.Mode mode) {
        Row r = load(id);
        if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(r.countyId(), r.departmentId(), r.industryCode(), NO_ENTERPRISE), mode)) {
            throw new ScopeDeniedException("citizen report", id);
        }
        return r;
    }

    /** Citizen reports belong to no enterprise: an enterprise account's scope reaches none of them. */
    static final Long NO_ENTERPRISE = -1L;

    private Row actable(long id, CurrentUser user) {
        user.require(Permission.CITIZEN_HANDLE);
        return reachable(id, user, ScopeFilter.Mode.ACT);
    }

    @Transactional
    public void accept(long id, int version, CurrentUser user) {
        Row r = actable(id, user);
        move(r, version, ReportStatus.Step.ACCEPT, Map.of(), "accepted");
    }

    @Transactional
    public void reject(long id, int version, RejectReason reason, CurrentUser user) {
        if (reason == null) {
            throw new InvalidInputException(Map.of("reason", "validation.required"));
        }
        Row r = actable(id, user);
        move(r, version, ReportStatus.Step.REJECT, Map.of("reject_reason", reason.name()), "rejected: " + reason);
    }

    /** Merges the report into an earlier one of the same thing: its reporter follows the other report's progress from now on. */
    @Transactional
    public void merge(long id, int version, long intoId, CurrentUser user) {
        Row r = actable(id, user);
        if (intoId == id) {
            throw new BusinessException("citizen.merge.self");
        }
        Row into = reachable(intoId, user, ScopeFilter.Mode.READ);
        if (into.status() == ReportStatus.MERGED || into.status() == ReportStatus.REJECTED) {
            throw new BusinessException("citizen.merge.target");
        }
        move(r, version, ReportStatus.Step.MERGE, Map.of("merged_into", intoId), "merged into " + into.code());
    }

    /** Opens a hazard (source CITIZEN) from the report through the hazards facade; the citizen then follows the hazard's progress. */
    @Transactional
    public Hazards.Opened toHazard(long id, int version, String description, CurrentUser user) {
        Row r = actable(id, user);
        r.status().after(ReportStatus.Step.HAZARD);
        String place = r.address() != null ? r.address() : r.code();
        Hazards.Opened opened = hazards.openFrom(new Origin("citizen", "report", id), Finding.citizen(
                place.length() > 300 ? place.substring(0, 300) : place, r.lon(), r.lat(), r.countyId(), r.industryCode(),
                Intake.trim(description), "citizen report " + r.code()), user);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("hazard_id", opened.id());
        set.put("hazard_code", opened.code());
        move(r, version, ReportStatus.Step.HAZARD, set, "hazard " + opened.code());
        return opened;
    }

    /** Hands the report to the crackdown on illegal production (打非治违) as a clue, with the note that goes with it. */
    @Transactional
    public void toClue(long id, int version, String note, CurrentUser user) {
        Row r = actable(id, user);
        String text = checkedText(note, 2000);
        move(r, version, ReportStatus.Step.CLUE, Map.of(), "clue");
        addReply(r.id(), false, text, user.username());
    }

    /** Closes the report with the public answer the citizen reads. */
    @Transactional
    public void close(long id, int version, String publicReply, CurrentUser user) {
        Row r = actable(id, user);
        String text = checkedText(publicReply, 2000);
        move(r, version, ReportStatus.Step.CLOSE, Map.of("closed_at", OffsetDateTime.now(clock)), "closed");
        addReply(r.id(), true, text, user.username());
    }

    /** A reply to the citizen (public) or a note among officers (internal). */
    @Transactional
    public void reply(long id, String body, boolean visibleToCitizen, CurrentUser user) {
        Row r = actable(id, user);
        String text = checkedText(body, 2000);
        addReply(r.id(), visibleToCitizen, text, user.username());
        audit.record(visibleToCitizen ? "REPLY" : "NOTE", "citizen_report", r.id(), r.code(), null, null);
    }

    /**
     * The reporter's name, phone and e-mail. For a tip only holders of {@link Permission#TIP_HANDLE}
     * see them; for another report the handlers in scope. Every look is in the audit trail.
     */
    @Transactional
    public Contact contact(long id, CurrentUser user) {
        if (!user.may(Permission.CITIZEN_HANDLE) && !user.may(Permission.TIP_HANDLE)) {
            throw new AccessDeniedException(user.username() + " may not see reporters");
        }
        Row r = load(id);
        if (r.tip()) {
            user.require(Permission.TIP_HANDLE);
        } else {
            r = actable(id, user);
        }
        audit.record("REVEAL", "citizen_report", r.id(), r.code() + (r.tip() ? " tip reporter shown" : " reporter shown"), null, null);
        String opened = seal.open(r.contactSealed());
        if (opened == null) {
            return new Contact(null, null, null);
        }
        String[] parts = opened.split("\n", -1);
        return new Contact(blank(parts[0]), parts.length > 1 ? blank(parts[1]) : null, parts.length > 2 ? blank(parts[2]) : null);
    }

    /** The reward of a verified tip (turned into a hazard or a clue, or closed): a band and an amount within it. */
    @Transactional
    public void proposeReward(long id, String band, BigDecimal amount, String reason, CurrentUser user) {
        user.require(Permission.TIP_HANDLE);
        Row r = load(id);
        if (!r.tip()) {
            throw new BusinessException("citizen.reward.not.tip");
        }
        if (r.status() != ReportStatus.HAZARD && r.status() != ReportStatus.CLUE && r.status() != ReportStatus.CLOSED) {
            throw new BusinessException("citizen.reward.not.verified");
        }
        CitizenProperties.Band b = band == null ? null : props.rewardBands().get(band);
        if (b == null) {
            throw new InvalidInputException(Map.of("band", "citizen.reward.band.unknown"));
        }
        if (amount == null || amount.compareTo(b.min()) < 0 || amount.compareTo(b.max()) > 0 || amount.scale() > 2) {
            throw new BusinessException("citizen.reward.amount.outside", b.min().toPlainString(), b.max().toPlainString());
        }
        String text = checkedText(reason, 500);
        if (jdbc.sql("SELECT COUNT(*) FROM citizen_reward WHERE report_id = :id").param("id", id).query(Long.class).single() > 0) {
            throw new BusinessException("citizen.reward.exists");
        }
        jdbc.sql("""
                INSERT INTO citizen_reward (report_id, band, amount_yuan, reason, proposed_by, proposed_at)
                VALUES (:id, :band, :amount, :reason, :by, :at)""")
                .param("id", id).param("band", band).param("amount", amount).param("reason", text).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).update();
        audit.record("REWARD_PROPOSE", "citizen_report", id, r.code() + " " + band + " " + amount.toPlainString() + " yuan", null, null);
    }

    /** The second person's approval: never the one who proposed it. */
    @Transactional
    public void approveReward(long id, CurrentUser user) {
        user.require(Permission.TIP_HANDLE);
        var reward = reward(id);
        if (reward.approvedBy() != null) {
            throw new BusinessException("citizen.reward.approved.already");
        }
        if (reward.proposedBy().equals(user.username())) {
            throw new BusinessException("citizen.reward.same.person");
        }
        int n = jdbc.sql("""
                UPDATE citizen_reward SET approved_by = :by, approved_at = :at, version = version + 1
                WHERE report_id = :id AND approved_by IS NULL""")
                .param("by", user.username()).param("at", OffsetDateTime.now(clock)).param("id", id).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("reward approved meanwhile");
        }
        audit.record("REWARD_APPROVE", "citizen_report", id, "reward approved", null, null);
    }

    @Transactional
    public void payReward(long id, String paymentRef, CurrentUser user) {
        user.require(Permission.TIP_HANDLE);
        var reward = reward(id);
        if (reward.approvedBy() == null) {
            throw new BusinessException("citizen.reward.not.approved");
        }
        if (reward.paidAt() != null) {
            throw new BusinessException("citizen.reward.paid.already");
        }
        String ref = checkedText(paymentRef, 100);
        jdbc.sql("UPDATE citizen_reward SET paid_at = :at, payment_ref = :ref, paid_by = :by, version = version + 1 WHERE report_id = :id")
                .param("at", OffsetDateTime.now(clock)).param("ref", ref).param("by", user.username()).param("id", id).update();
        audit.record("REWARD_PAY", "citizen_report", id, "reward paid, reference " + ref, null, null);
    }

    public record Reward(String band, BigDecimal amount, String reason, String proposedBy, OffsetDateTime proposedAt,
                         String approvedBy, OffsetDateTime approvedAt, OffsetDateTime paidAt, String paymentRef, String paidBy) {
    }

    Reward reward(long id) {
        return rewardOf(id).orElseThrow(() -> new BusinessException("citizen.reward.none"));
    }

    public Optional<Reward> rewardOf(long id) {
        return jdbc.sql("""
                SELECT band, amount_yuan, reason, proposed_by, proposed_at, approved_by, approved_at, paid_at, payment_ref, paid_by
                FROM citizen_reward WHERE report_id = :id""").param("id", id)
                .query((rs, n) -> new Reward(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getString(10)))
                .optional();
    }

    /** When the hazard a report became is closed, so is the report: its citizen reads "closed". */
    @ApplicationModuleListener
    void on(HazardClosed closed) {
        if (closed.origin() != null && !closed.origin().isOf("citizen", "report")) {
            return;
        }
        List<Long> ids = jdbc.sql("SELECT id FROM citizen_report WHERE hazard_id = :h AND status = 'HAZARD'")
                .param("h", closed.hazardId()).query(Long.class).list();
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE citizen_report SET status = 'CLOSED', closed_at = :at, updated_at = :now, version = version + 1
                WHERE hazard_id = :h AND status = 'HAZARD'""")
                .param("at", closed.closedAt()).param("now", OffsetDateTime.now(clock)).param("h", closed.hazardId()).update();
        audit.recordAll("system", ids.stream().map(id -> new AuditTrail.Change("CLOSE", "citizen_report", id,
                "hazard " + closed.code() + " closed")).toList());
    }

    private void move(Row r, int version, ReportStatus.Step step, Map<String, Object> also, String summary) {
        ReportStatus to = r.status().after(step);
        StringBuilder sql = new StringBuilder("UPDATE citizen_report SET status = :to, visible = :visible, updated_at = :now, version = version + 1");
        also.keySet().forEach(k -> sql.append(", ").append(k).append(" = :").append(k));
        sql.append(" WHERE id = :id AND version = :version");
        var st = jdbc.sql(sql.toString()).param("to", to.name()).param("visible", to.visible()).param("now", OffsetDateTime.now(clock))
                .param("id", r.id()).param("version", version);
        for (var e : also.entrySet()) {
            st = st.param(e.getKey(), e.getValue());
        }
        if (st.update() == 0) {
            throw new OptimisticLockingFailureException("citizen report " + r.id() + " changed meanwhile");
        }
        audit.record(step.name(), "citizen_report", r.id(), r.code() + " " + summary, Map.of("status", r.status().name()),
                Map.of("status", to.name()));
    }

    private void addReply(long id, boolean visibleToCitizen, String body, String author) {
        jdbc.sql("INSERT INTO citizen_reply (report_id, to_citizen, body, author, written_at) VALUES (:id, :p, :b, :a, :at)")
                .param("id", id).param("p", visibleToCitizen).param("b", body).param("a", author).param("at", OffsetDateTime.now(clock))
                .update();
    }

    private static String checkedText(String text, int max) {
        String t = Intake.trim(text);
        if (t == null) {
            throw new InvalidInputException(Map.of("body", "validation.required"));
        }
        if (t.length() > max) {
            throw new InvalidInputException(Map.of("body", "validation.too.long"));
        }
        return t;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
