package org.anquan.citizen.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.anquan.directory.Directory;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.shared.BusinessException;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.Phones;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a citizen's report, from the portal or through Open311: checks every field, cleans the photos,
 * places the report (the point given, else the photo's GPS, else the county chosen with an address),
 * routes it through the responsibility matrix (the category's industry → its lead department; the point
 * → its county), and stores it with its photos and an audit record in one transaction — or nothing.
 * A client's idempotency key makes a repeated POST the same report.
 */
@Service
public class Intake {

    public enum Source { WEB, OPEN311 }

    public record Upload(String filename, byte[] bytes) {
    }

    /** A report as submitted: raw values, checked here. */
    public record Submission(String categoryCode, String description, String address, Double lon, Double lat, Long countyId,
                             String name, String phone, String email, Map<String, String> attributes, List<Upload> photos,
                             Source source, Long clientId, String clientKey, String remoteAddr) {
    }

    public record Submitted(long id, String trackingCode, String token, boolean repeated) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,100}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Categories categories;
    private final Directory directory;
    private final IdentitySeal seal;
    private final CitizenProperties props;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Intake(Categories categories, Directory directory, IdentitySeal seal, CitizenProperties props, JdbcClient jdbc, AuditTrail audit,
           TransactionTemplate tx, Clock clock) {
        this.categories = categories;
        this.directory = directory;
        this.seal = seal;
        this.props = props;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Submitted submit(Submission s, String actor) {
        // a repeated idempotency key is answered by the unique constraint on (client, key) below, not by a read
        // before every post: the repeat is checked like the first, refused by the constraint, and answered with it
        if (s.clientId() != null && s.clientKey() != null && !KEY.matcher(s.clientKey()).matches()) {
            throw new InvalidInputException(Map.of("client_key", "citizen.client.key.invalid"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Categories.Category category = categories.find(s.categoryCode()).orElse(null);
        if (category == null) {
            errors.put("categoryCode", "citizen.category.unknown");
        }
        String description = trim(s.description());
        if (description == null) {
            errors.put("description", "validation.required");
        } else if (description.length() > 4000) {
            errors.put("description", "citizen.description.too.long");
        }
        String address = trim(s.address());
        if (address != null && address.length() > 300) {
            errors.put("address", "validation.too.long");
        }
        String name = trim(s.name() == null ? null : s.name().replaceAll("[\\r\\n]+", " "));
        if (name != null && name.length() > 50) {
            errors.put("name", "validation.too.long");
        }
        String phone = trim(s.phone());
        if (phone != null && !Phones.valid(phone)) {
            errors.put("phone", "citizen.phone.invalid");
        }
        String email = trim(s.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.put("email", "citizen.email.invalid");
        }
        Map<String, String> attributes = category == null ? Map.of() : attributes(category, s.attributes(), errors);
        List<Upload> uploads = s.photos() == null ? List.of() : s.photos().stream().filter(u -> u.bytes() != null && u.bytes().length > 0).toList();
        if (uploads.size() > props.maxPhotos()) {
            errors.put("photos", "citizen.photos.too.many");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<PhotoCleaner.Cleaned> photos = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            try {
                photos.add(PhotoCleaner.clean(uploads.get(i).bytes(), props.maxPixels(), props.maxLongSide()));
            } catch (BusinessException e) {
                throw new BusinessException("citizen.photo.refused", i + 1,
                        new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.args()));
            }
        }
        Place place = place(s, address, photos);
        Long department = directory.responsibleFor(category.industryCode()).leadDepartmentId();
        if (department == null) {
            throw new InvalidInputException(Map.of("categoryCode", "citizen.routing.no.department"));
        }
        String contact = contact(name, phone, email);
        try {
            return tx.execute(status -> store(s, category, description, place, department, contact, attributes, photos, actor));
        } catch (DuplicateKeyException raced) {
            // the same client key posted again (or twice at once): the earlier request stored it
            if (s.clientId() != null && s.clientKey() != null) {
                return byClientKey(s.clientId(), s.clientKey()).orElseThrow(() -> raced);
            }
            throw raced;
        }
    }

    private record Place(GeoPoint point, long countyId, String address) {
    }

    private Place place(Submission s, String address, List<PhotoCleaner.Cleaned> photos) {
        if (s.lon() != null || s.lat() != null) {
            GeoPoint p;
            try {
                p = new GeoPoint(s.lon() == null ? Double.NaN : s.lon(), s.lat() == null ? Double.NaN : s.lat());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(Map.of("lon", "citizen.location.invalid"));
            }
            return located(p, address, "citizen.location.outside");
        }
        for (PhotoCleaner.Cleaned photo : photos) {
            if (photo.gps() != null) {
                return located(photo.gps(), address, "citizen.photo.gps.outside");
            }
        }
        if (photos.stream().anyMatch(PhotoCleaner.Cleaned::gpsNonsense) && s.countyId() == null) {
            throw new InvalidInputException(Map.of("photos", "citizen.photo.gps.nonsense"));
        }
        if (s.countyId() != null) {
            if (directory.counties().stream().noneMatch(c -> c.id() == s.countyId())) {
                throw new InvalidInputException(Map.of("countyId", "citizen.county.unknown"));
            }
            if (address == null) {
                throw new InvalidInputException(Map.of("address", "citizen.address.required"));
            }
            return new Place(null, s.countyId(), address);
        }
        throw new InvalidInputException(Map.of("lon", "citizen.location.required"));
    }

    private Place located(GeoPoint p, String address, String outsideKey) {
        long county = directory.countyAt(p).map(Directory.RegionRef::id)
                .orElseThrow(() -> new InvalidInputException(Map.of("lon", outsideKey)));
        return new Place(p, county, address);
    }

    private Map<String, String> attributes(Categories.Category category, Map<String, String> given, Map<String, String> errors) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Categories.Attribute a : category.attributes()) {
            String v = given == null ? null : trim(given.get(a.code()));
            if (v == null) {
                if (a.required()) {
                    errors.put("attribute[" + a.code() + "]", "validation.required");
                }
                continue;
            }
            if (v.length() > 300) {
                errors.put("attribute[" + a.code() + "]", "validation.too.long");
            } else if (!a.values().isEmpty() && a.values().stream().noneMatch(x -> x.key().equals(v))) {
                errors.put("attribute[" + a.code() + "]", "citizen.attribute.value.unknown");
            } else {
                kept.put(a.code(), v);
            }
        }
        return kept;
    }

    private Submitted store(Submission s, Categories.Category category, String description, Place place, long department,
                            String contact, Map<String, String> attributes, List<PhotoCleaner.Cleaned> photos, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate due = LocalDate.now(clock).plusDays(category.tip() ? props.tipHandlingDays() : props.reportHandlingDays());
        // a clash of two random codes (49 bits) is left to the unique constraint: the submission fails whole
        String code = TrackingCodes.next();
        String token = TrackingCodes.nextToken();
        var keys = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO citizen_report (tracking_code, token, category_code, tip, description, address, lon, lat, county_id,
                            department_id, industry_code, status, visible, contact_sealed, source, client_id, client_key, remote_addr,
                            handling_due, submitted_at, updated_at)
                        VALUES (:code, :token, :category, :tip, :description, :address, :lon, :lat, :county, :department, :industry,
                            'PENDING', FALSE, :contact, :source, :client, :clientKey, :addr, :due, :now, :now)""")
                        .param("code", code).param("token", token).param("category", category.code()).param("tip", category.tip())
                        .param("description", description).param("address", place.address())
                        .param("lon", place.point() == null ? null : place.point().lon())
                        .param("lat", place.point() == null ? null : place.point().lat())
                        .param("county", place.countyId()).param("department", department).param("industry", category.industryCode())
                        .param("contact", seal.seal(contact)).param("source", s.source().name()).param("client", s.clientId())
                        .param("clientKey", s.clientId() == null ? null : s.clientKey())
                        .param("addr", s.remoteAddr() == null ? null : s.remoteAddr().substring(0, Math.min(64, s.remoteAddr().length())))
                        .param("due", due).param("now", now)
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                attributes.forEach((k, v) -> jdbc.sql("INSERT INTO citizen_attribute_value (report_id, code, attr_value) VALUES (:id, :k, :v)")
                        .param("id", id).param("k", k).param("v", v).update());
                for (PhotoCleaner.Cleaned p : photos) {
                    jdbc.sql("""
                            INSERT INTO citizen_photo (report_id, content_type, width, height, sha256, content)
                            VALUES (:id, :type, :w, :h, :sha, :content)""")
                            .param("id", id).param("type", p.contentType()).param("w", p.width()).param("h", p.height())
                            .param("sha", EvidenceCheck.sha256(p.content())).param("content", p.content())
                            .update();
                }
                // the trail names the report and its routing, never the reporter
                audit.recordAll(actor, List.of(new AuditTrail.Change("CREATE", "citizen_report", id,
                        code + " " + category.code() + " → department " + department + ", county " + place.countyId()
                                + (photos.isEmpty() ? "" : ", " + photos.size() + " photo(s)"))));
                return new Submitted(id, code, token, false);
    }

    private Optional<Submitted> byClientKey(long clientId, String key) {
        return jdbc.sql("SELECT id, tracking_code, token FROM citizen_report WHERE client_id = :c AND client_key = :k")
                .param("c", clientId).param("k", key)
                .query((rs, n) -> new Submitted(rs.getLong(1), rs.getString(2), rs.getString(3), true)).optional();
    }

    private static String contact(String name, String phone, String email) {
        if (name == null && phone == null && email == null) {
            return null;
        }
        // one line per field; the form and Open311 never let a newline into a field
        return (name == null ? "" : name) + "\n" + (phone == null ? "" : phone) + "\n" + (email == null ? "" : email);
    }

    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
