package org.anquan.supervision.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anquan.directory.Directory;
import org.anquan.hazards.AcceptanceRule;
import org.anquan.hazards.Hazards;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.documents.DocumentNumbers;
import org.anquan.platform.documents.DocumentsProperties;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.MapPoint;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.supervision.inbox.Inbox;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 挂牌督办 by decision: the city safety office lists any major hazard, a county office one of its
 * own county, with a notice carrying its document number, deadline, person responsible and
 * requirements. Only the listing office delists (摘牌), and only after it has accepted the hazard on
 * site itself. The public page shows the listings.
 */
@Service
@Transactional
public class Listings implements AcceptanceRule {

    /** Statuses in which a major hazard can be listed: verified and not yet closed. */
    static final List<String> LISTABLE = List.of("VERIFIED", "ASSIGNED", "RECTIFYING", "SUBMITTED");

    private final JdbcClient jdbc;
    private final Hazards hazards;
    private final Directory directory;
    private final DocumentNumbers numbers;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final String cityAbbreviation;
    private final String countyAbbreviation;

    Listings(JdbcClient jdbc, Hazards hazards, Directory directory, DocumentNumbers numbers, Inbox inbox, AuditTrail audit, Clock clock,
             DocumentsProperties documents) {
        this.jdbc = jdbc;
        this.hazards = hazards;
        this.directory = directory;
        this.numbers = numbers;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
        this.cityAbbreviation = documents.cityAbbreviation();
        this.countyAbbreviation = documents.countyAbbreviation();
    }

    /** A listing office: the city's or a county's safety office, by the region it stands for. */
    public record Office(long regionId, boolean city, String regionName) {
        String issuer() {
            return city ? "CITY" : "REGION:" + regionId;
        }
    }

    public record ListingInput(LocalDate deadline, String responsiblePerson, String requirements) {
    }

    public record Listing(long id, long hazardId, String hazardCode, String description, String subject, String countyName,
                          String departmentName, long officeRegionId, boolean cityOffice, String officeRegionName,
                          String documentNumber, LocalDate listedOn, String listedBy, LocalDate deadline,
                          String responsiblePerson, String requirements, LocalDate delistedOn, String delistedBy,
                          String delistingNote, int version) {
        public boolean open() {
            return delistedOn == null;
        }
    }

    /** The office the user speaks for: the city office for the city's scope, a county office for a county's. */
    public Optional<Office> officeOf(CurrentUser user) {
        if (!user.may(Permission.HAZARD_LIST)) {
            return Optional.empty();
        }
        DataScope scope = user.scope();
        if (scope.isCity()) {
            return directory.cityAndCounties().stream().filter(r -> "CITY".equals(r.level())).findFirst()
                    .map(r -> new Office(r.id(), true, r.name()));
        }
        if (scope.kind() == DataScope.Kind.REGION) {
            return directory.region(scope.id()).filter(r -> "COUNTY".equals(r.level())).map(r -> new Office(r.id(), false, r.name()));
        }
        return Optional.empty();
    }

    /** A hazard under listed supervision is accepted by its listing office, so that the office can delist it. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Unit> requiredUnit(long hazardId) {
        return openListing(hazardId).map(l -> l.cityOffice() ? new Unit("CITY", null, "listing.accept.office")
                : new Unit("REGION", l.officeRegionId(), "listing.accept.office"));
    }

    /** Whether the user's office could list the hazard now (the page offers the form only then; listing checks again). */
    @Transactional(readOnly = true)
    public boolean listable(long hazardId, CurrentUser user) {
        if (officeOf(user).isEmpty() || !hazards.actionable(hazardId, user.scope()) || openListing(hazardId).isPresent()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM hazards_hazard_view WHERE id = :id AND grade = 'MAJOR' AND status IN (:s)")
                .param("id", hazardId).param("s", LISTABLE).query(Long.class).single() > 0;
    }

    public long list(long hazardId, ListingInput in, CurrentUser user) {
        user.require(Permission.HAZARD_LIST);
        Office office = officeOf(user).orElseThrow(() -> new AccessDeniedException(user.username() + " speaks for no listing office"));
        Map<String, Object> h = hazard(hazardId, user);
        if (!"MAJOR".equals(h.get("grade"))) {
            throw new BusinessException("listing.major.only");
        }
        if (!LISTABLE.contains((String) h.get("status"))) {
            throw new BusinessException("listing.status");
        }
        if (openListing(hazardId).isPresent()) {
            throw new BusinessException("listing.already");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.deadline() == null) {
            errors.put("deadline", "validation.required");
        } else if (in.deadline().isBefore(today)) {
            errors.put("deadline", "deadline.past");
        }
        if (blank(in.responsiblePerson())) {
            errors.put("responsiblePerson", "validation.required");
        } else if (in.responsiblePerson().length() > 50) {
            errors.put("responsiblePerson", "validation.too.long");
        }
        if (blank(in.requirements())) {
            errors.put("requirements", "validation.required");
        } else if (in.requirements().length() > 2000) {
            errors.put("requirements", "validation.too.long");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return insert(office, hazardId, in, user.username());
    }

    /** Numbers the notice in the office's sequence and stores the listing; tells the department and county. */
    private long insert(Office office, long hazardId, ListingInput in, String actor) {
        Map<String, Object> h = jdbc.sql("SELECT code, department_id, county_id FROM hazards_hazard_view WHERE id = :id")
                .param("id", hazardId).query().singleRow();
        LocalDate today = LocalDate.now(clock);
        String abbreviation = office.city() ? cityAbbreviation : MessageFormat.format(countyAbbreviation, office.regionName());
        String number = numbers.next(office.issuer(), "LISTING", today.getYear(), abbreviation + "挂督");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO supervision_listing (hazard_id, open_hazard_id, office_region_id, document_number, listed_on, listed_at,
                                                 listed_by, deadline, responsible_person, requirements)
                VALUES (:h, :h, :o, :n, :on, :at, :by, :d, :p, :r)""")
                .param("h", hazardId).param("o", office.regionId()).param("n", number).param("on", today)
                .param("at", OffsetDateTime.now(clock)).param("by", actor).param("d", in.deadline())
                .param("p", in.responsiblePerson().trim()).param("r", in.requirements().trim())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        inbox.tell(((Number) h.get("department_id")).longValue(), ((Number) h.get("county_id")).longValue(), hazardId, null,
                "inbox.listed", OffsetDateTime.now(clock));
        audit.record("LIST", "hazard", hazardId, number + " " + h.get("code"), null,
                Map.of("office", office.regionName(), "deadline", in.deadline(), "responsible", in.responsiblePerson().trim()));
        return id;
    }

    /** The demo city: a few major hazards being rectified are listed, two by the city office and one by its county. */
    public void listForDemo() {
        List<Map<String, Object>> majors = jdbc.sql("""
                SELECT id, county_id FROM hazards_hazard_view WHERE grade = 'MAJOR' AND status = 'RECTIFYING'
                AND enterprise_id IS NOT NULL ORDER BY id LIMIT 3""").query().listOfRows();
        var city = directory.cityAndCounties().stream().filter(r -> "CITY".equals(r.level())).findFirst().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < majors.size(); i++) {
            long hazard = ((Number) majors.get(i).get("id")).longValue();
            long county = ((Number) majors.get(i).get("county_id")).longValue();
            Office office = i < 2 ? new Office(city.id(), true, city.name())
                    : new Office(county, false, directory.region(county).map(Directory.RegionRef::name).orElse(""));
            insert(office, hazard, new ListingInput(today.plusDays(30 + 15 * i), "企业主要负责人",
                    "一、制定并落实整改方案，做到“五到位”；二、整改期间停产停业；三、每半月书面报告整改进展；四、整改完成后书面申请现场验收。"), "system");
        }
    }

    /** 摘牌: by the listing office, after it accepted the hazard on site. */
    public void delist(long listingId, String note, Integer version, CurrentUser user) {
        user.require(Permission.HAZARD_LIST);
        Listing l = get(listingId).orElseThrow(() -> new NotFoundException("supervision_listing", listingId));
        if (!hazards.visible(l.hazardId(), user.scope())) {
            throw new ScopeDeniedException("supervision_listing", listingId);
        }
        Office office = officeOf(user).filter(o -> o.regionId() == l.officeRegionId())
                .orElseThrow(() -> new BusinessException("listing.not.office"));
        if (!l.open()) {
            throw new BusinessException("listing.delisted.already");
        }
        if (version == null) {
            throw new InvalidInputException(Map.of("version", "version.required"));
        }
        Map<String, Object> h = jdbc.sql("SELECT status, acceptance_on_site, accepted_unit_kind, accepted_unit_id FROM hazards_hazard_view WHERE id = :id")
                .param("id", l.hazardId()).query().singleRow();
        boolean acceptedByOffice = "CLOSED".equals(h.get("status")) && Boolean.TRUE.equals(h.get("acceptance_on_site"))
                && (office.city() ? "CITY".equals(h.get("accepted_unit_kind"))
                        : "REGION".equals(h.get("accepted_unit_kind")) && h.get("accepted_unit_id") != null
                                && ((Number) h.get("accepted_unit_id")).longValue() == office.regionId());
        if (!acceptedByOffice) {
            throw new BusinessException("listing.delist.acceptance");
        }
        int n = jdbc.sql("""
                UPDATE supervision_listing SET delisted_on = :on, delisted_at = :at, delisted_by = :by, delisting_note = :note,
                       open_hazard_id = NULL, version = version + 1
                WHERE id = :id AND version = :v AND delisted_on IS NULL""")
                .param("on", LocalDate.now(clock)).param("at", OffsetDateTime.now(clock)).param("by", user.username())
                .param("note", blank(note) ? null : note.trim().substring(0, Math.min(note.trim().length(), 1000)))
                .param("id", listingId).param("v", version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("listing " + listingId + " changed");
        }
        audit.record("DELIST", "hazard", l.hazardId(), l.documentNumber(), null, null);
    }

    public Optional<Listing> get(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = :id").param("id", id).query(Listings::map).optional();
    }

    public Optional<Listing> openListing(long hazardId) {
        return jdbc.sql(SELECT + " WHERE l.open_hazard_id = :h").param("h", hazardId).query(Listings::map).optional();
    }

    /** Every listing of the hazard, newest first. */
    public List<Listing> ofHazard(long hazardId) {
        return jdbc.sql(SELECT + " WHERE l.hazard_id = :h ORDER BY l.id DESC").param("h", hazardId).query(Listings::map).list();
    }

    /** The public list: hazards under listed supervision, and those delisted within the last {@code days} days. */
    public List<Listing> published(int days) {
        return jdbc.sql(SELECT + " WHERE l.delisted_on IS NULL OR l.delisted_on >= :since ORDER BY l.delisted_on DESC NULLS FIRST, l.listed_on DESC, l.id DESC LIMIT 500")
                .param("since", LocalDate.now(clock).minusDays(days)).query(Listings::map).list();
    }

    /** Where each listed hazard lies (its own position, or its enterprise's), for the public map. */
    public List<MapPoint> publishedPoints() {
        return jdbc.sql("SELECT h.code, COALESCE(e.name, h.place) AS subject, COALESCE(h.lon, e.lon) AS lon, COALESCE(h.lat, e.lat) AS lat "
                        + "FROM supervision_listing l JOIN hazards_hazard_view h ON h.id = l.hazard_id "
                        + "LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id WHERE l.delisted_on IS NULL "
                        + "AND COALESCE(h.lon, e.lon) IS NOT NULL AND COALESCE(h.lat, e.lat) IS NOT NULL ORDER BY l.id DESC LIMIT 500")
                .query((rs, n) -> new MapPoint(rs.getString("code") + " " + rs.getString("subject"),
                        rs.getDouble("lon"), rs.getDouble("lat"), "#dc3545", null))
                .list();
    }

    private Map<String, Object> hazard(long hazardId, CurrentUser user) {
        Map<String, Object> h = jdbc.sql("SELECT id, code, grade, status, department_id, county_id FROM hazards_hazard_view WHERE id = :id")
                .param("id", hazardId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("hazard", hazardId));
        if (!hazards.actionable(hazardId, user.scope())) {
            audit.recordAlone(user.username(), "SCOPE_DENIED", "hazard", hazardId, "list outside data scope");
            throw new ScopeDeniedException("hazard", hazardId);
        }
        return h;
    }

    private static final String SELECT = """
            SELECT l.id, l.hazard_id, h.code, h.description, COALESCE(e.name, h.place) AS subject, c.name AS county_name,
                   d.name AS department_name, l.office_region_id, o.region_level AS office_level, o.name AS office_name,
                   l.document_number, l.listed_on, l.listed_by, l.deadline, l.responsible_person, l.requirements,
                   l.delisted_on, l.delisted_by, l.delisting_note, l.version
            FROM supervision_listing l
            JOIN hazards_hazard_view h ON h.id = l.hazard_id
            LEFT JOIN directory_enterprise_view e ON e.id = h.enterprise_id
            LEFT JOIN directory_region_view c ON c.id = h.county_id
            LEFT JOIN directory_department_view d ON d.id = h.department_id
            JOIN directory_region_view o ON o.id = l.office_region_id""";

    static Listing map(ResultSet rs, int n) throws SQLException {
        return new Listing(rs.getLong("id"), rs.getLong("hazard_id"), rs.getString("code"), rs.getString("description"),
                rs.getString("subject"), rs.getString("county_name"), rs.getString("department_name"), rs.getLong("office_region_id"),
                "CITY".equals(rs.getString("office_level")), rs.getString("office_name"), rs.getString("document_number"),
                rs.getObject("listed_on", LocalDate.class), rs.getString("listed_by"), rs.getObject("deadline", LocalDate.class),
                rs.getString("responsible_person"), rs.getString("requirements"), rs.getObject("delisted_on", LocalDate.class),
                rs.getString("delisted_by"), rs.getString("delisting_note"), rs.getInt("version"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
