package org.anquan.citizen.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.*;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is read of citizens' reports: the public status by tracking code, the public list and map,
 * Open311's requests, and the officers' queue and detail. Public answers carry no personal data:
 * no contact, no submitting address, no officer's name, no internal note; a tip shows no description.
 */
@Component
public class CitizenQueries {

    /** A report as the public sees it. {@code description} is null for a tip. */
    public record PublicReport(long id, String code, String categoryCode, boolean tip, PublicStage stage, long countyId,
                               long departmentId, String description, String address, Double lon, Double lat,
                               OffsetDateTime submittedAt, OffsetDateTime updatedAt, String mergedIntoCode, List<Long> photoIds) {
    }

    public record PublicReply(String body, OffsetDateTime writtenAt) {
    }

    /** The same columns for every public answer; {@code m} is the report it was merged into, {@code h} the hazard it became. */
    private static final String PUBLIC_COLUMNS = """
            r.id, r.tracking_code, r.category_code, r.tip, COALESCE(m.status, r.status) AS eff_status,
            COALESCE(mh.status, h.status) AS hazard_status, r.county_id, r.department_id, r.description, r.address, r.lon, r.lat,
            r.submitted_at, GREATEST(r.updated_at, COALESCE(m.updated_at, r.updated_at)) AS updated_at, m.tracking_code AS merged_code""";
    private static final String PUBLIC_FROM = """
            FROM citizen_report r
            LEFT JOIN citizen_report m ON m.id = r.merged_into
            LEFT JOIN hazards_hazard_view h ON h.id = r.hazard_id
            LEFT JOIN hazards_hazard_view mh ON mh.id = m.hazard_id""";
    /**
     * Open311's "closed", for one row of the report table alone: the report (or the one it was merged
     * into) closed or refused, or the hazard it became closed or not confirmed; by lookups, not joins.
     */
    private static final String CLOSED_PER_ROW = """
            (r.status IN ('CLOSED', 'REJECTED')
             OR EXISTS (SELECT 1 FROM citizen_report cm WHERE cm.id = r.merged_into AND cm.status IN ('CLOSED', 'REJECTED'))
             OR EXISTS (SELECT 1 FROM hazards_hazard_view ch WHERE ch.id = r.hazard_id AND ch.status IN ('CLOSED', 'REJECTED'))
             OR EXISTS (SELECT 1 FROM citizen_report cm JOIN hazards_hazard_view ch ON ch.id = cm.hazard_id
                        WHERE cm.id = r.merged_into AND ch.status IN ('CLOSED', 'REJECTED')))""";

    private final JdbcClient jdbc;
    private final ScopeFilter scopes;
    private final Clock clock;

    CitizenQueries(JdbcClient jdbc, ScopeFilter scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * A moderated report by its tracking code; empty for a code that does not exist and for a report not
     * public (yet): both take the same one query.
     */
    public Optional<PublicReport> byCode(String input) {
        String code = TrackingCodes.normalise(input);
        return jdbc.sql("SELECT " + PUBLIC_COLUMNS + " " + PUBLIC_FROM + " WHERE r.tracking_code = :code AND r.visible = TRUE")
                .param("code", code == null ? "-" : code)
                .query(this::publicReport).optional().map(this::withPhotos);
    }

    /** A report posted through Open311 by its token, when moderated. */
    public Optional<String> codeOfToken(String token) {
        return jdbc.sql("SELECT tracking_code FROM citizen_report WHERE token = :t AND visible = TRUE")
                .param("t", token == null || token.length() > 24 ? "-" : token).query(String.class).optional();
    }

    /** The public replies of the report and, once merged, of the report it was merged into. */
    public List<PublicReply> publicReplies(long reportId) {
        return jdbc.sql("""
                SELECT body, written_at FROM citizen_reply
                WHERE to_citizen = TRUE AND (report_id = :id OR report_id = (SELECT merged_into FROM citizen_report WHERE id = :id))
                ORDER BY written_at, id""")
                .param("id", reportId).query((rs, n) -> new PublicReply(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).list();
    }

    /** The latest public replies of many reports at once (Open311's status_notes); a merged report reads its target's. */
    public Map<Long, String> latestPublicReplies(List<Long> reportIds) {
        Map<Long, String> notes = new HashMap<>();
        if (reportIds.isEmpty()) {
            return notes;
        }
        Map<Long, Long> answeredBy = new HashMap<>();
        jdbc.sql("SELECT id, COALESCE(merged_into, id) FROM citizen_report WHERE id IN (:ids)").param("ids", reportIds)
                .query(rs -> {
                    answeredBy.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, String> latest = new HashMap<>();
        jdbc.sql("SELECT report_id, body FROM citizen_reply WHERE to_citizen = TRUE AND report_id IN (:ids) ORDER BY written_at, id")
                .param("ids", Set.copyOf(answeredBy.values())).query(rs -> {
                    latest.put(rs.getLong(1), rs.getString(2));
                });
        answeredBy.forEach((id, by) -> {
            if (latest.containsKey(by)) {
                notes.put(id, latest.get(by));
            }
        });
        return notes;
    }

    public record PublicFilter(String categoryCode, Long countyId, Boolean closed) {
    }

    /** Counted exactly up to here; beyond, the pager says "more than". */
    static final int COUNT_CAP = 10_000;

    /** The public list: moderated reports that are not tips, newest first (the ids from the index, then the rows). */
    public PageResult<PublicReport> publicList(PublicFilter f, int page, int size) {
        Where where = filter(f, Where.all().and("r.visible = TRUE AND r.tip = FALSE"));
        long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM citizen_report r" + where.sql() + " LIMIT " + (COUNT_CAP + 1) + ") c")
                .params(where.params()).query(Long.class).single();
        List<Long> ids = jdbc.sql("SELECT r.id FROM citizen_report r" + where.sql() + " ORDER BY " + newestFirst(f.categoryCode() != null)
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size)).query(Long.class).list();
        return new PageResult<>(byIds(ids), page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    public record MapPoint(String code, String categoryCode, double lon, double lat, boolean closed) {
    }

    /** The points of the public map: the newest located public reports matching the filter, at most {@code limit}. */
    public List<MapPoint> publicPoints(PublicFilter f, int limit) {
        Where where = filter(f, Where.all().and("r.visible = TRUE AND r.tip = FALSE AND r.lon IS NOT NULL"));
        return jdbc.sql("SELECT r.tracking_code, r.category_code, r.lon, r.lat, CASE WHEN " + CLOSED_PER_ROW + " THEN 1 ELSE 0 END "
                        + "FROM citizen_report r" + where.sql() + " ORDER BY " + newestFirst(f.categoryCode() != null) + " LIMIT :limit")
                .params(where.params()).param("limit", limit)
                .query((rs, n) -> new MapPoint(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5) == 1))
                .list();
    }

    private static Where filter(PublicFilter f, Where where) {
        return closed(where.and("r.category_code = :category", "category", f.categoryCode()).and("r.county_id = :county", "county", f.countyId()),
                f.closed());
    }

    /** Closed or open as decided per row, when asked. */
    private static Where closed(Where where, Boolean closed) {
        return closed == null ? where : where.and(closed ? CLOSED_PER_ROW : "NOT " + CLOSED_PER_ROW);
    }

    /**
     * Open311 GET requests: moderated reports submitted in [from, to] (to the microsecond, as stored: a
     * parameter of finer precision would keep the database from reading the index), of the given services and status,
     * newest first. Two steps: the ids from the report table alone, walking its (visible, tip, time) or
     * (service, visible, tip, time) index from the newest and stopping at the limit — the status, when
     * asked, decided per row by lookups, not by joining every row of the window — then those rows whole.
     */
    public List<PublicReport> open311(List<String> categoryCodes, OffsetDateTime from, OffsetDateTime to, Boolean closed, int limit) {
        Where where = closed(Where.all().and("r.visible = TRUE AND r.tip = FALSE")
                .and("r.submitted_at >= :from AND r.submitted_at <= :to",
                        Map.of("from", from.truncatedTo(ChronoUnit.MICROS), "to", to.truncatedTo(ChronoUnit.MICROS)))
                .and("r.category_code IN (:categories)", "categories", categoryCodes), closed);
        List<Long> ids = jdbc.sql("SELECT r.id FROM citizen_report r" + where.sql() + " ORDER BY "
                        + newestFirst(categoryCodes != null && categoryCodes.size() == 1) + " LIMIT :limit")
                .params(where.params()).param("limit", limit).query(Long.class).list();
        return byIds(ids);
    }

    /**
     * Newest first, spelled as the index is, its leading columns included although the query fixes them:
     * so the embedded database reads the index in order and stops at the limit instead of sorting the window
     * (PostgreSQL does either way).
     */
    static String newestFirst(boolean oneCategory) {
        return (oneCategory ? "r.category_code, " : "") + "r.visible, r.tip, r.submitted_at DESC";
    }

    /** The rows whole, in the order of the ids given. */
    private List<PublicReport> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PublicReport> found = new HashMap<>();
        jdbc.sql("SELECT " + PUBLIC_COLUMNS + " " + PUBLIC_FROM + " WHERE r.id IN (:ids)").param("ids", ids)
                .query(this::publicReport).list().forEach(r -> found.put(r.id(), r));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Open311 GET requests with service_request_id: the moderated ones among the codes given (a tip included, without description). */
    public List<PublicReport> open311ByCodes(List<String> codes) {
        List<String> normal = codes.stream().map(TrackingCodes::normalise).filter(Objects::nonNull).distinct().limit(100).toList();
        if (normal.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + PUBLIC_COLUMNS + " " + PUBLIC_FROM + " WHERE r.tracking_code IN (:codes) AND r.visible = TRUE"
                        + " ORDER BY r.submitted_at DESC")
                .param("codes", normal).query(this::publicReport).list();
    }

    private PublicReport publicReport(ResultSet rs, int n) throws SQLException {
        boolean tip = rs.getBoolean("tip");
        return new PublicReport(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("category_code"), tip,
                PublicStage.of(ReportStatus.valueOf(rs.getString("eff_status")), rs.getString("hazard_status")),
                rs.getLong("county_id"), rs.getLong("department_id"), tip ? null : rs.getString("description"),
                tip ? null : rs.getString("address"), tip ? null : rs.getObject("lon", Double.class), tip ? null : rs.getObject("lat", Double.class),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("merged_code"), List.of());
    }

    private PublicReport withPhotos(PublicReport r) {
        if (r.tip()) {
            return r;
        }
        List<Long> ids = jdbc.sql("SELECT id FROM citizen_photo WHERE report_id = :id ORDER BY id").param("id", r.id()).query(Long.class).list();
        return new PublicReport(r.id(), r.code(), r.categoryCode(), r.tip(), r.stage(), r.countyId(), r.departmentId(), r.description(),
                r.address(), r.lon(), r.lat(), r.submittedAt(), r.updatedAt(), r.mergedIntoCode(), ids);
    }

    public record Photo(String contentType, byte[] content) {
    }

    /** A photo for the public: only of a moderated report that is not a tip. */
    public Optional<Photo> publicPhoto(long photoId) {
        return jdbc.sql("""
                SELECT p.content_type, p.content FROM citizen_photo p JOIN citizen_report r ON r.id = p.report_id
                WHERE p.id = :id AND r.visible = TRUE AND r.tip = FALSE""").param("id", photoId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** A photo for an officer whose scope reaches its report. */
    public Optional<Photo> photo(long photoId, CurrentUser user) {
        var pred = scopes.read(user.scope(), columns());
        return jdbc.sql("SELECT p.content_type, p.content FROM citizen_photo p JOIN citizen_report r ON r.id = p.report_id WHERE p.id = :id"
                        + pred.and())
                .params(pred.params()).param("id", photoId).query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional();
    }

    /** How the scope filter reads a citizen report: by county, routed department and industry; no enterprise owns one. */
    static ScopeFilter.Columns columns() {
        return ScopeFilter.Columns.of().county("r.county_id").department("r.department_id").industry("r.industry_code")
                .enterprise("CAST(" + Handling.NO_ENTERPRISE + " AS BIGINT)");
    }

    // ---- the officers' side ----

    public record QueueRow(long id, String code, String categoryCode, boolean tip, ReportStatus status, long countyId,
                           long departmentId, String summary, OffsetDateTime submittedAt, LocalDate handlingDue,
                           boolean overdue, int photos) {
    }

    public record QueueFilter(ReportStatus status, Boolean tip, boolean waiting) {
    }

    /** The reports the scope reads; by default those waiting for someone (pending, open, clue), oldest first. */
    public PageResult<QueueRow> queue(QueueFilter f, CurrentUser user, int page, int size) {
        var pred = scopes.read(user.scope(), columns());
        Where where = pred.where().and("r.status = :status", "status", f.status() == null ? null : f.status().name())
                .andIf(f.status() == null && f.waiting(), "r.status IN ('PENDING', 'OPEN', 'CLUE')")
                .and("r.tip = :tip", "tip", f.tip());
        long total = jdbc.sql("SELECT COUNT(*) FROM citizen_report r" + where.sql()).params(where.params()).query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        List<QueueRow> rows = jdbc.sql("""
                        SELECT r.id, r.tracking_code, r.category_code, r.tip, r.status, r.county_id, r.department_id, r.description,
                               r.submitted_at, r.handling_due, (SELECT COUNT(*) FROM citizen_photo ph WHERE ph.report_id = r.id)
                        FROM citizen_report r""" + where.sql() + " ORDER BY r.submitted_at " + (f.waiting() && f.status() == null ? "ASC" : "DESC")
                        + ", r.id LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", size).param("offset", PageResult.offsetOf(page, size))
                .query((rs, n) -> {
                    ReportStatus status = ReportStatus.valueOf(rs.getString(5));
                    LocalDate due = rs.getObject(10, LocalDate.class);
                    String text = rs.getString(8);
                    return new QueueRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), status, rs.getLong(6),
                            rs.getLong(7), text.length() > 80 ? text.substring(0, 80) + "…" : text, rs.getObject(9, OffsetDateTime.class),
                            due, due != null && due.isBefore(today) && (status == ReportStatus.PENDING || status == ReportStatus.OPEN
                            || status == ReportStatus.CLUE), rs.getInt(11));
                }).list();
        return new PageResult<>(rows, page, size, total);
    }

    public record Detail(long id, String code, String categoryCode, boolean tip, ReportStatus status, PublicStage stage, int version,
                         long countyId, long departmentId, String industryCode, String description, String address, Double lon,
                         Double lat, String source, boolean hasContact, OffsetDateTime submittedAt, LocalDate handlingDue,
                         String rejectReason, String mergedIntoCode, Long mergedIntoId, Long hazardId, String hazardCode,
                         Map<String, String> attributes, List<Long> photoIds) {
    }

    public record Reply(boolean visibleToCitizen, String body, String author, OffsetDateTime writtenAt) {
    }

    /** A report for an officer whose scope reads it (404 otherwise); the contact stays sealed ({@link Handling#contact}). */
    public Detail detail(long id, CurrentUser user) {
        var pred = scopes.read(user.scope(), columns());
        Optional<Detail> d = jdbc.sql("""
                        SELECT r.id, r.tracking_code, r.category_code, r.tip, r.status, h.status AS hazard_status, r.version, r.county_id,
                               r.department_id, r.industry_code, r.description, r.address, r.lon, r.lat, r.source,
                               r.contact_sealed IS NOT NULL AS has_contact, r.submitted_at, r.handling_due, r.reject_reason,
                               m.tracking_code AS merged_code, r.merged_into, r.hazard_id, r.hazard_code
                        FROM citizen_report r LEFT JOIN citizen_report m ON m.id = r.merged_into
                        LEFT JOIN hazards_hazard_view h ON h.id = r.hazard_id
                        WHERE r.id = :id""" + pred.and())
                .params(pred.params()).param("id", id)
                .query((rs, n) -> {
                    ReportStatus status = ReportStatus.valueOf(rs.getString("status"));
                    return new Detail(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("category_code"), rs.getBoolean("tip"),
                            status, PublicStage.of(status, rs.getString("hazard_status")), rs.getInt("version"), rs.getLong("county_id"),
                            rs.getLong("department_id"), rs.getString("industry_code"), rs.getString("description"), rs.getString("address"),
                            rs.getObject("lon", Double.class), rs.getObject("lat", Double.class), rs.getString("source"),
                            rs.getBoolean("has_contact"), rs.getObject("submitted_at", OffsetDateTime.class),
                            rs.getObject("handling_due", LocalDate.class), rs.getString("reject_reason"),
                            rs.getString("merged_code"), rs.getObject("merged_into", Long.class), rs.getObject("hazard_id", Long.class),
                            rs.getString("hazard_code"), Map.of(), List.of());
                }).optional();
        if (d.isEmpty()) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM citizen_report WHERE id = :id").param("id", id).query(Long.class).single() > 0;
            throw exists ? new ScopeDeniedException("citizen report", id)
                    : new NotFoundException("citizen report", id);
        }
        Detail r = d.get();
        Map<String, String> attributes = new LinkedHashMap<>();
        jdbc.sql("SELECT code, attr_value FROM citizen_attribute_value WHERE report_id = :id ORDER BY code").param("id", id)
                .query(rs -> {
                    attributes.put(rs.getString(1), rs.getString(2));
                });
        List<Long> photos = jdbc.sql("SELECT id FROM citizen_photo WHERE report_id = :id ORDER BY id").param("id", id).query(Long.class).list();
        return new Detail(r.id(), r.code(), r.categoryCode(), r.tip(), r.status(), r.stage(), r.version(), r.countyId(), r.departmentId(),
                r.industryCode(), r.description(), r.address(), r.lon(), r.lat(), r.source(), r.hasContact(), r.submittedAt(),
                r.handlingDue(), r.rejectReason(), r.mergedIntoCode(), r.mergedIntoId(), r.hazardId(), r.hazardCode(), attributes, photos);
    }

    public List<Reply> replies(long id) {
        return jdbc.sql("SELECT to_citizen, body, author, written_at FROM citizen_reply WHERE report_id = :id ORDER BY written_at, id")
                .param("id", id)
                .query((rs, n) -> new Reply(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    public record Duplicate(long id, String code, ReportStatus status, int meters, OffsetDateTime submittedAt, String summary) {
    }

    /**
     * Reports of the same category within the configured radius and window of this one (before or after
     * it), not rejected or merged themselves: offered to the handler, nearest first.
     */
    public List<Duplicate> duplicates(Detail r, int radiusMeters, Duration window) {
        if (r.lon() == null) {
            return List.of();
        }
        double dLat = radiusMeters / 111_320.0;
        double dLon = radiusMeters / (111_320.0 * Math.max(0.01, Math.cos(Math.toRadians(r.lat()))));
        GeoPoint origin = new GeoPoint(r.lon(), r.lat());
        List<Duplicate> found = new ArrayList<>();
        jdbc.sql("""
                SELECT id, tracking_code, status, lon, lat, submitted_at, description FROM citizen_report
                WHERE category_code = :category AND submitted_at >= :from AND submitted_at <= :to AND id <> :id
                  AND status NOT IN ('REJECTED', 'MERGED') AND lon BETWEEN :minLon AND :maxLon AND lat BETWEEN :minLat AND :maxLat""")
                .param("category", r.categoryCode()).param("from", r.submittedAt().minus(window)).param("to", r.submittedAt().plus(window))
                .param("id", r.id()).param("minLon", r.lon() - dLon).param("maxLon", r.lon() + dLon)
                .param("minLat", r.lat() - dLat).param("maxLat", r.lat() + dLat)
                .query(rs -> {
                    int meters = (int) Math.round(origin.metersTo(new GeoPoint(rs.getDouble(4), rs.getDouble(5))));
                    if (meters <= radiusMeters) {
                        String text = rs.getString(7);
                        found.add(new Duplicate(rs.getLong(1), rs.getString(2), ReportStatus.valueOf(rs.getString(3)), meters,
                                rs.getObject(6, OffsetDateTime.class), text.length() > 60 ? text.substring(0, 60) + "…" : text));
                    }
                });
        found.sort(Comparator.comparingInt(Duplicate::meters));
        return found;
    }
}
