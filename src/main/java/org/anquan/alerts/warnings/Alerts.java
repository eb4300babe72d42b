package org.anquan.alerts.warnings;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.*;
import org.anquan.directory.Directory;
import org.anquan.emergency.FireDangerWarned;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Polygon;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public warnings: an alert is drafted (event, urgency, severity, certainty, the counties or a drawn
 * polygon, the instructions), submitted, and published only when a second person approves it — then it
 * is written as a CAP 1.2 message, checked against the schema and the further rules, and kept as sent. An
 * update or a cancellation is a new message referencing the one it replaces, approved the same way.
 * A county's fire danger at level 4 or 5 drafts a warning for approval by itself.
 */
@Service
class Alerts {

    public static final Set<String> CATEGORIES = Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env",
            "Transport", "Infra", "CBRNE", "Other");
    public static final List<String> URGENCIES = List.of("Immediate", "Expected", "Future", "Past", "Unknown");
    public static final List<String> SEVERITIES = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    public static final List<String> CERTAINTIES = List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    /** An alert as typed: times as text (with a numeric offset, or the city's wall clock without one). */
    public record AlertInput(String category, String event, String urgency, String severity, String certainty, String headline,
                             String description, String instruction, List<Long> countyIds, String polygon, String onset, String expires) {
    }

    public record Alert(long id, String identifier, String msgType, String status, String category, String event, String urgency,
                        String severity, String certainty, String headline, String description, String instruction, String areaDesc,
                        List<Long> countyIds, String polygon, OffsetDateTime onset, OffsetDateTime expires, Long referencesId,
                        String author, OffsetDateTime createdAt, String approvedBy, OffsetDateTime sentAt, String capXml, int version) {
        public boolean current(OffsetDateTime now) {
            return lifecycle() == AlertStatus.PUBLISHED && !"Cancel".equals(msgType) && expires.isAfter(now);
        }

        /** Where it stands in its lifecycle. */
        public AlertStatus lifecycle() {
            return AlertStatus.valueOf(status);
        }
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final Clock clock;
    private final String sender;
    private final String senderName;

    Alerts(JdbcClient jdbc, Directory directory, AuditTrail audit, Clock clock, AlertsProperties props) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.sender = props.sender();
        this.senderName = props.senderName();
    }

    /** A draft, its fields checked and its area resolved; nothing is stored when a field is wrong. */
    @Transactional
    public long draft(AlertInput in, CurrentUser user) {
        user.require(Permission.ALERT_AUTHOR);
        return insert(checked(in), "Alert", null, null, null, user.username());
    }

    private record Checked(String category, String event, String urgency, String severity, String certainty, String headline,
                           String description, String instruction, String areaDesc, String countyIds, String polygon,
                           OffsetDateTime onset, OffsetDateTime expires) {
    }

    private Checked checked(AlertInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.category() == null || !CATEGORIES.contains(in.category())) {
            errors.put("category", "alert.category.unknown");
        }
        String event = Inputs.text(in.event(), 100, "event", true, errors);
        if (!URGENCIES.contains(String.valueOf(in.urgency()))) {
            errors.put("urgency", "validation.required");
        }
        if (!SEVERITIES.contains(String.valueOf(in.severity()))) {
            errors.put("severity", "validation.required");
        }
        if (!CERTAINTIES.contains(String.valueOf(in.certainty()))) {
            errors.put("certainty", "validation.required");
        }
        String headline = Inputs.text(in.headline(), 160, "headline", true, errors);
        String description = Inputs.text(in.description(), 2000, "description", true, errors);
        String instruction = Inputs.text(in.instruction(), 2000, "instruction", false, errors);
        List<Long> counties = in.countyIds() == null ? List.of() : in.countyIds().stream().distinct().toList();
        List<String> names = new ArrayList<>();
        for (Long c : counties) {
            var county = directory.counties().stream().filter(x -> x.id() == c).findFirst();
            if (county.isEmpty()) {
                errors.put("countyIds", "alert.county.unknown");
            } else {
                names.add(county.get().name());
            }
        }
        String polygon = in.polygon() == null || in.polygon().isBlank() ? null : in.polygon().strip().replaceAll("\\s+", " ");
        if (polygon != null) {
            String problem = CapMessages.polygonProblem(polygon);
            if (problem != null) {
                errors.put("polygon", problem);
            } else if (polygon.length() > 8000) {
                errors.put("polygon", "validation.too.long");
            }
        }
        if (counties.isEmpty() && polygon == null) {
            errors.put("countyIds", "alert.area.required");
        }
        OffsetDateTime onset = time(in.onset(), "onset", errors);
        OffsetDateTime expires = time(in.expires(), "expires", errors);
        if (onset != null && expires != null && !expires.isAfter(onset)) {
            errors.put("expires", "alert.expires.before.onset");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String area = names.isEmpty() ? "" : String.join("、", names);
        if (polygon != null) {
            area = area.isEmpty() ? "指定区域" : area + "及指定区域";
        }
        return new Checked(in.category(), event, in.urgency(), in.severity(), in.certainty(), headline, description, instruction, area,
                counties.isEmpty() ? null : String.join(",", counties.stream().map(String::valueOf).toList()), polygon, onset, expires);
    }

    /**
     * A time as an alert takes it: {@code 2026-11-28T14:05:00+08:00} (a numeric offset, whole seconds), or the
     * city's wall clock as a browser's date-time field sends it ({@code 2026-11-28T14:05}). {@code Z} and
     * fractions of a second are refused, as CAP refuses them.
     */
    private OffsetDateTime time(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            errors.put(field, "validation.required");
            return null;
        }
        String t = text.strip();
        if (t.endsWith("Z") || t.endsWith("z")) {
            errors.put(field, "alert.time.zulu");
            return null;
        }
        if (t.contains(".")) {
            errors.put(field, "alert.time.fraction");
            return null;
        }
        try {
            if (t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t);
            }
            return LocalDateTime.parse(t).atZone(clock.getZone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.put(field, "alert.time.invalid");
            return null;
        }
    }

    private long insert(Checked c, String msgType, Long references, String sourceKind, String sourceRef, String author) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert (identifier, msg_type, status, category, event, urgency, severity, certainty, headline, description,
                                   instruction, area_desc, county_ids, polygon, onset, expires, references_id, source_kind, source_ref,
                                   author, created_at)
                VALUES (:identifier, :type, 'DRAFT', :category, :event, :urgency, :severity, :certainty, :headline, :description,
                        :instruction, :area, :counties, :polygon, :onset, :expires, :references, :sourceKind, :sourceRef, :author, :now)""")
                .param("identifier", "pending-" + UUID.randomUUID()).param("type", msgType).param("category", c.category())
                .param("event", c.event()).param("urgency", c.urgency()).param("severity", c.severity()).param("certainty", c.certainty())
                .param("headline", c.headline()).param("description", c.description()).param("instruction", c.instruction())
                .param("area", c.areaDesc()).param("counties", c.countyIds()).param("polygon", c.polygon()).param("onset", c.onset())
                .param("expires", c.expires()).param("references", references).param("sourceKind", sourceKind).param("sourceRef", sourceRef)
                .param("author", author).param("now", now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        // the identifier names the sender, the year and the alert: unique for the sender, as CAP asks
        String identifier = sender + "." + now.atZoneSameInstant(clock.getZone()).getYear() + "." + id;
        jdbc.sql("UPDATE alert SET identifier = :i WHERE id = :id").param("i", identifier).param("id", id).update();
        audit.record("CREATE", "alert", id, msgType + " " + c.event() + " " + c.areaDesc(), null, null);
        return id;
    }

    /** The author hands the draft to a second person. */
    @Transactional
    public void submit(long id, int version, CurrentUser user) {
        user.require(Permission.ALERT_AUTHOR);
        Alert a = get(id);
        move(a, version, a.lifecycle().after(AlertStatus.Step.SUBMIT), null, null, null);
        audit.record("SUBMIT", "alert", id, a.identifier(), null, null);
    }

    /** A draft or a submitted alert is withdrawn: it will never be published. */
    @Transactional
    public void withdraw(long id, int version, CurrentUser user) {
        user.require(Permission.ALERT_AUTHOR);
        Alert a = get(id);
        move(a, version, a.lifecycle().after(AlertStatus.Step.WITHDRAW), null, null, null);
        audit.record("WITHDRAW", "alert", id, a.identifier(), null, null);
    }

    /**
     * A second person approves: the CAP message is written, checked and kept, the alert is published, and the
     * alert it updates or cancels is superseded or cancelled. The author never approves their own alert.
     */
    @Transactional
    public String approve(long id, int version, CurrentUser user) {
        user.require(Permission.ALERT_APPROVE);
        Alert a = get(id);
        AlertStatus published = a.lifecycle().after(AlertStatus.Step.APPROVE);
        if (a.author().equals(user.username())) {
            throw new BusinessException("alert.same.person");
        }
        OffsetDateTime sent = OffsetDateTime.now(clock).atZoneSameInstant(clock.getZone()).toOffsetDateTime();
        Alert referenced = a.referencesId() == null ? null : get(a.referencesId());
        AlertStatus ended = referenced == null ? null
                : referenced.lifecycle().after("Cancel".equals(a.msgType()) ? AlertStatus.Step.CANCEL : AlertStatus.Step.SUPERSEDE);
        String xml;
        try {
            xml = CapMessages.write(new CapMessages.Message(a.identifier(), sender, sent, a.msgType(), "Public",
                    referenced == null ? null : sender + "," + referenced.identifier() + "," + CapMessages.time(inCity(referenced.sentAt())),
                    a.category(), a.event(), a.urgency(), a.severity(), a.certainty(), inCity(a.onset()), inCity(a.expires()), senderName,
                    a.headline(), a.description(), a.instruction(), null, a.areaDesc(), polygons(a)));
        } catch (CapMessages.Invalid e) {
            throw new BusinessException("alert.cap.invalid", e.reasons().get(0).key());
        }
        move(a, version, published, user.username(), sent, xml);
        if (referenced != null) {
            jdbc.sql("UPDATE alert SET status = :s, version = version + 1 WHERE id = :id")
                    .param("s", ended.name()).param("id", referenced.id()).update();
        }
        audit.record("PUBLISH", "alert", id, a.identifier() + " " + a.msgType() + " approved", null, null);
        return xml;
    }

    private OffsetDateTime inCity(OffsetDateTime t) {
        return t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    /** The area's polygons in CAP's form: each county's outline, and the drawn one. */
    List<String> polygons(Alert a) {
        List<String> polygons = new ArrayList<>();
        if (!a.countyIds().isEmpty()) {
            var names = directory.counties().stream().filter(c -> a.countyIds().contains(c.id())).map(Directory.RegionRef::name).toList();
            for (Directory.RegionShape s : directory.countyShapes()) {
                if (names.contains(s.name())) {
                    StringBuilder p = new StringBuilder();
                    for (var point : Polygon.fromGeoJson(s.boundary()).ring()) {
                        if (p.length() > 0) {
                            p.append(' ');
                        }
                        p.append(round(point.lat())).append(',').append(round(point.lon()));
                    }
                    polygons.add(p.toString());
                }
            }
        }
        if (a.polygon() != null) {
            polygons.add(a.polygon());
        }
        return polygons;
    }

    private static String round(double degrees) {
        return BigDecimal.valueOf(Math.round(degrees * 1e6) / 1e6).stripTrailingZeros().toPlainString();
    }

    /** A draft updating a published alert, its fields as given; published when approved. */
    @Transactional
    public long update(long publishedId, AlertInput in, CurrentUser user) {
        user.require(Permission.ALERT_AUTHOR);
        Alert a = get(publishedId);
        if (!a.current(OffsetDateTime.now(clock))) {
            throw new BusinessException("alert.reference.not.current");
        }
        return insert(checked(in), "Update", publishedId, null, null, user.username());
    }

    /** A draft cancelling a published alert (the same area and times, the reason as description); published when approved. */
    @Transactional
    public long cancel(long publishedId, String reason, CurrentUser user) {
        user.require(Permission.ALERT_AUTHOR);
        Alert a = get(publishedId);
        if (!a.current(OffsetDateTime.now(clock))) {
            throw new BusinessException("alert.reference.not.current");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null || why.length() > 2000) {
            throw new InvalidInputException(Map.of("description", why == null ? "validation.required" : "validation.too.long"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Checked c = new Checked(a.category(), a.event(), "Past", "Minor", "Observed", "解除：" + a.headline(), why, null, a.areaDesc(),
                a.countyIds().isEmpty() ? null : String.join(",", a.countyIds().stream().map(String::valueOf).toList()), a.polygon(),
                a.onset().isBefore(now) ? a.onset() : now, a.expires());
        return insert(c, "Cancel", publishedId, null, null, user.username());
    }

    private void move(Alert a, int version, AlertStatus to, String approvedBy, OffsetDateTime sent, String xml) {
        String status = to.name();
        int n = jdbc.sql("""
                UPDATE alert SET status = :s, approved_by = COALESCE(:by, approved_by), sent_at = COALESCE(:sent, sent_at),
                                 cap_xml = COALESCE(:xml, cap_xml), version = version + 1
                WHERE id = :id AND version = :v""")
                .param("s", status).param("by", approvedBy).param("sent", sent).param("xml", xml).param("id", a.id()).param("v", version)
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("alert " + a.id() + " changed meanwhile");
        }
    }

    public Alert get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("alert", id));
    }

    public Optional<Alert> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional();
    }

    private static final String SELECT = """
            SELECT id, identifier, msg_type, status, category, event, urgency, severity, certainty, headline, description, instruction,
                   area_desc, county_ids, polygon, onset, expires, references_id, author, created_at, approved_by, sent_at, cap_xml, version
            FROM alert""";

    private Alert row(ResultSet rs, int n) throws SQLException {
        String counties = rs.getString("county_ids");
        return new Alert(rs.getLong("id"), rs.getString("identifier"), rs.getString("msg_type"), rs.getString("status"),
                rs.getString("category"), rs.getString("event"), rs.getString("urgency"), rs.getString("severity"), rs.getString("certainty"),
                rs.getString("headline"), rs.getString("description"), rs.getString("instruction"), rs.getString("area_desc"),
                counties == null ? List.of() : Arrays.stream(counties.split(",")).map(Long::valueOf).toList(),
                rs.getString("polygon"), rs.getObject("onset", OffsetDateTime.class), rs.getObject("expires", OffsetDateTime.class),
                rs.getObject("references_id", Long.class), rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("approved_by"), rs.getObject("sent_at", OffsetDateTime.class), rs.getString("cap_xml"), rs.getInt("version"));
    }

    /** All alerts, newest first, for the officers' list. */
    public List<Alert> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY created_at DESC, id DESC LIMIT :n").param("n", limit).query(this::row).list();
    }

    /** The alerts in force: published, not cancelled or superseded, not expired; newest first. */
    public List<Alert> current() {
        return jdbc.sql(SELECT + " WHERE status = 'PUBLISHED' AND msg_type <> 'Cancel' AND expires > :now ORDER BY sent_at DESC")
                .param("now", OffsetDateTime.now(clock)).query(this::row).list();
    }

    /** A published message (of any kind, also one cancelled or superseded since), for its stable address. */
    public Optional<Alert> published(long id) {
        return find(id).filter(a -> a.sentAt() != null);
    }

    /** A county's fire danger at level 4 or 5 drafts a public warning and submits it for approval by itself. */
    @ApplicationModuleListener
    void on(FireDangerWarned warned) {
        if (warned.level() < 4) {
            return;
        }
        String ref = String.valueOf(warned.warningId());
        if (jdbc.sql("SELECT COUNT(*) FROM alert WHERE source_kind = 'FIRE_DANGER' AND source_ref = :r AND status IN ('DRAFT', 'SUBMITTED')")
                .param("r", ref).query(Long.class).single() > 0) {
            return;
        }
        String county = directory.region(warned.countyId()).map(Directory.RegionRef::name).orElse("");
        OffsetDateTime onset = warned.day().atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (onset.isBefore(now)) {
            onset = now;
        }
        OffsetDateTime expires = warned.day().plusDays(2).atStartOfDay(clock.getZone()).toOffsetDateTime();
        if (!expires.isAfter(onset)) {
            return; // a warning of a day long past warns nobody
        }
        boolean red = warned.level() == 5;
        long id = insert(new Checked("Fire", "森林火险", "Expected", red ? "Extreme" : "Severe", "Likely",
                county + "森林火险" + (red ? "红色" : "橙色") + "预警",
                county + warned.day() + "森林火险气象等级达到" + (red ? "五级（极高）" : "四级（高）") + "，林区可燃物极易引燃、蔓延。",
                "严禁一切野外用火；进山入林人员不得携带火种；发现火情立即拨打12119。", county, String.valueOf(warned.countyId()), null,
                onset, expires), "Alert", null, "FIRE_DANGER", ref, "system");
        jdbc.sql("UPDATE alert SET status = :s WHERE id = :id").param("s", AlertStatus.DRAFT.after(AlertStatus.Step.SUBMIT).name())
                .param("id", id).update();
    }
}
