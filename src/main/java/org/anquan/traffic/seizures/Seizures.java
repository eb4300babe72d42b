package org.anquan.traffic.seizures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.Finding;
import org.anquan.hazards.Hazards;
import org.anquan.hazards.Origin;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.BusinessException;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.anquan.traffic.common.CountyCheck;
import org.anquan.traffic.common.RoadTransport;
import org.anquan.traffic.common.TrafficProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Illegal and non-standard vehicles (非法非标): each seizure with where, by whom, the plate or VIN and what the
 * vehicle is (unregistered, illegally modified, scrapped but running, built outside the standard), traced back
 * to its producer, seller and repair or modification shop; its disposition (scrapped, eliminated, returned after
 * rectification) is recorded once, with its proof. The sources are ranked by the seizures traced to them; one
 * traced from {@code anquan.traffic.source-seizures-target} seizures is an inspection target, and one in the
 * city can be given a hazard through the hazards facade (one elsewhere is a clue for that place's authority).
 */
@Service
public class Seizures {

    public static final List<String> KINDS = List.of("UNREGISTERED", "MODIFIED", "SCRAPPED_RUNNING", "NON_STANDARD");
    public static final List<String> DISPOSITIONS = List.of("SCRAPPED", "ELIMINATED", "RETURNED_RECTIFIED");
    public static final List<String> ROLES = List.of("PRODUCER", "SELLER", "MODIFIER");
    static final ScopeFilter.Columns COLUMNS = ScopeFilter.Columns.of().county("county_id");

    public record SeizureInput(LocalDate seizedOn, Long countyId, String place, String seizedBy, String plate, String vin, String kind,
                               String description, String producer, String producerPlace, String seller, String sellerPlace, String modifier,
                               String modifierPlace) {
    }

    public record Seizure(long id, LocalDate seizedOn, long countyId, String place, String seizedBy, String plate, String vin, String kind,
                          String description, String producer, String seller, String modifier, String disposition, String proof,
                          LocalDate disposedOn, int version, boolean hasProofFile) {
        public boolean pending() {
            return "PENDING".equals(disposition);
        }

        /** The producer, seller and modification shop it was traced to, those known. */
        public String traced() {
            return Stream.of(producer, seller, modifier).filter(Objects::nonNull)
                    .collect(Collectors.joining("、"));
        }
    }

    public record Source(long id, String name, String role, Long countyId, String place, long seizures, boolean target, String hazardCode) {
    }

    public record Disposition(String disposition, long count) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ScopeFilter scopes;
    private final CountyCheck counties;
    private final Hazards hazards;
    private final AuditTrail audit;
    private final TrafficProperties props;
    private final Clock clock;

    Seizures(JdbcClient jdbc, Directory directory, ScopeFilter scopes, CountyCheck counties, Hazards hazards, AuditTrail audit, TrafficProperties props, Clock clock) {
        this.counties = counties;
        this.jdbc = jdbc;
        this.directory = directory;
        this.scopes = scopes;
        this.hazards = hazards;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    /** A VIN: 17 characters, letters and digits without I, O and Q. */
    static boolean vin(String v) {
        return v.matches("[A-HJ-NPR-Z0-9]{17}");
    }

    @Transactional
    public long record(SeizureInput in, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (in.seizedOn() == null || in.seizedOn().isAfter(today)) {
            errors.put("seizedOn", "traffic.seizure.date.invalid");
        }
        counties.check(in.countyId(), RoadTransport.INDUSTRY, user, errors);
        String place = Inputs.text(in.place(), 200, "place", true, errors);
        String by = Inputs.text(in.seizedBy(), 120, "seizedBy", true, errors);
        String description = Inputs.text(in.description(), 500, "description", true, errors);
        String plate = RoadTransport.plateOf(in.plate());
        String vin = in.vin() == null || in.vin().isBlank() ? null : in.vin().strip().toUpperCase(Locale.ROOT);
        if (plate == null && vin == null) {
            errors.put("plate", "traffic.seizure.identity");
        }
        if (plate != null && !RoadTransport.isPlate(plate)) {
            errors.put("plate", "traffic.reading.plate.invalid");
        }
        if (vin != null && !vin(vin)) {
            errors.put("vin", "traffic.seizure.vin.invalid");
        }
        if (!KINDS.contains(String.valueOf(in.kind()))) {
            errors.put("kind", "validation.required");
        }
        String[][] traced = {{in.producer(), in.producerPlace(), "PRODUCER", "producer"}, {in.seller(), in.sellerPlace(), "SELLER", "seller"},
                {in.modifier(), in.modifierPlace(), "MODIFIER", "modifier"}};
        String[] names = new String[3];
        String[] places = new String[3];
        for (int i = 0; i < 3; i++) {
            names[i] = Inputs.text(traced[i][0], 120, traced[i][3], false, errors);
            places[i] = Inputs.text(traced[i][1], 200, traced[i][3] + "Place", names[i] != null, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Long[] sources = new Long[3];
        for (int i = 0; i < 3; i++) {
            sources[i] = names[i] == null ? null : source(names[i], traced[i][2], places[i]);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO traffic_seizure (seized_on, county_id, place, seized_by, plate, vin, kind, description, producer_id, seller_id, modifier_id,
                    disposition, created_by, created_at)
                VALUES (:on, :county, :place, :by, :plate, :vin, :kind, :d, :p, :s, :m, 'PENDING', :user, :at)""")
                .param("on", in.seizedOn()).param("county", in.countyId()).param("place", place).param("by", by).param("plate", plate)
                .param("vin", vin).param("kind", in.kind()).param("d", description).param("p", sources[0]).param("s", sources[1])
                .param("m", sources[2]).param("user", user.username()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "traffic_seizure", id, in.kind() + " " + (plate != null ? plate : vin), null, null);
        return id;
    }

    /** The source of that name and role, registered at its first seizure; its county when the place names one of the city's. */
    private long source(String name, String role, String place) {
        return jdbc.sql("SELECT id FROM traffic_vehicle_source WHERE name = :n AND role = :r").param("n", name).param("r", role)
                .query(Long.class).optional().orElseGet(() -> {
                    Long county = directory.counties().stream().filter(c -> place.contains(c.name())).map(Directory.RegionRef::id).findFirst()
                            .orElse(null);
                    var keys = new GeneratedKeyHolder();
                    jdbc.sql("INSERT INTO traffic_vehicle_source (name, role, county_id, place) VALUES (:n, :r, :c, :p)")
                            .param("n", name).param("r", role).param("c", county).param("p", place).update(keys, "id");
                    return keys.getKeyAs(Number.class).longValue();
                });
    }

    /** A proof file as stored: its name, its type (from its bytes) and its content. */
    public record ProofFile(String filename, String contentType, byte[] content) {
    }

    /** The disposition, once, with its proof: the text and, when given, a photo, PDF or Word document checked by its bytes. */
    @Transactional
    public void dispose(long id, int version, String disposition, String proof, LocalDate on, byte[] file, String filename, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Seizure s = seizure(id, user.scope());
        if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(s.countyId(), null, RoadTransport.INDUSTRY, null), ScopeFilter.Mode.ACT)) {
            throw new ScopeDeniedException("traffic_seizure", id);
        }
        if (!s.pending()) {
            throw new BusinessException("traffic.seizure.disposed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!DISPOSITIONS.contains(String.valueOf(disposition))) {
            errors.put("disposition", "validation.required");
        }
        String text = Inputs.text(proof, 500, "proof", true, errors);
        if (on == null || on.isBefore(s.seizedOn()) || on.isAfter(LocalDate.now(clock))) {
            errors.put("disposedOn", "traffic.seizure.disposed.date");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String type = file == null || file.length == 0 ? null : EvidenceCheck.documentTypeOf(file, 40_000_000L);
        int n = jdbc.sql("""
                UPDATE traffic_seizure SET disposition = :d, proof = :p, disposed_on = :on, version = version + 1
                WHERE id = :id AND version = :v AND disposition = 'PENDING'""")
                .param("d", disposition).param("p", text).param("on", on).param("id", id).param("v", version).update();
        if (n == 0) {
            throw new BusinessException("traffic.case.stale");
        }
        String sha = null;
        if (type != null) {
            sha = EvidenceCheck.sha256(file);
            jdbc.sql("INSERT INTO traffic_seizure_proof (seizure_id, filename, content_type, sha256, content) VALUES (:id, :f, :t, :h, :c)")
                    .param("id", id).param("f", EvidenceCheck.safeName(filename, type, "处置凭证")).param("t", type)
                    .param("h", sha).param("c", file).update();
        }
        audit.record("DISPOSE", "traffic_seizure", id, disposition + (sha == null ? "" : " proof sha256 " + sha), null, null);
    }

    private static final String SELECT = """
            SELECT z.*, p.name AS producer, s.name AS seller, m.name AS modifier,
                   EXISTS (SELECT 1 FROM traffic_seizure_proof f WHERE f.seizure_id = z.id) AS has_proof FROM traffic_seizure z
            LEFT JOIN traffic_vehicle_source p ON p.id = z.producer_id LEFT JOIN traffic_vehicle_source s ON s.id = z.seller_id
            LEFT JOIN traffic_vehicle_source m ON m.id = z.modifier_id""";

    private static Seizure map(ResultSet rs, int n) throws SQLException {
        return new Seizure(rs.getLong("id"), rs.getObject("seized_on", LocalDate.class), rs.getLong("county_id"), rs.getString("place"),
                rs.getString("seized_by"), rs.getString("plate"), rs.getString("vin"), rs.getString("kind"), rs.getString("description"),
                rs.getString("producer"), rs.getString("seller"), rs.getString("modifier"), rs.getString("disposition"), rs.getString("proof"),
                rs.getObject("disposed_on", LocalDate.class), rs.getInt("version"), rs.getBoolean("has_proof"));
    }

    /** The proof file of a disposition, when the scope reads the seizure and one was given. */
    public Optional<ProofFile> proof(long id, DataScope scope) {
        seizure(id, scope);
        return jdbc.sql("SELECT filename, content_type, content FROM traffic_seizure_proof WHERE seizure_id = :id").param("id", id)
                .query((rs, n) -> new ProofFile(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public Seizure seizure(long id, DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, ScopeFilter.Columns.of().county("z.county_id"));
        return jdbc.sql(SELECT + " WHERE z.id = :id AND " + p.sql()).params(p.params()).param("id", id).query(Seizures::map).optional()
                .orElseThrow(() -> new NotFoundException("traffic_seizure", id));
    }

    public List<Seizure> list(DataScope scope, int limit) {
        ScopeFilter.Predicate p = scopes.read(scope, ScopeFilter.Columns.of().county("z.county_id"));
        return jdbc.sql(SELECT + " WHERE " + p.sql() + " ORDER BY z.seized_on DESC, z.id DESC LIMIT :n").params(p.params()).param("n", limit)
                .query(Seizures::map).list();
    }

    /** Seizures of the scope by disposition (pending first). */
    public List<Disposition> byDisposition(DataScope scope) {
        ScopeFilter.Predicate p = scopes.read(scope, COLUMNS);
        List<Disposition> out = new ArrayList<>();
        jdbc.sql("SELECT disposition, COUNT(*) FROM traffic_seizure WHERE " + p.sql() + " GROUP BY disposition").params(p.params())
                .query(rs -> {
                    out.add(new Disposition(rs.getString(1), rs.getLong(2)));
                });
        out.sort(Comparator.comparing(d -> "PENDING".equals(d.disposition()) ? "" : d.disposition()));
        return out;
    }

    /** The sources by the seizures traced to them (any county's seizures: a source sells across the city), most first. */
    public List<Source> sources() {
        return jdbc.sql("""
                SELECT v.id, v.name, v.role, v.county_id, v.place, v.hazard_code,
                       (SELECT COUNT(*) FROM traffic_seizure z WHERE z.producer_id = v.id OR z.seller_id = v.id OR z.modifier_id = v.id) AS n
                FROM traffic_vehicle_source v ORDER BY n DESC, v.name""")
                .query((rs, i) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getString(5),
                        rs.getLong(7), rs.getLong(7) >= props.sourceSeizuresTarget(), rs.getString(6))).list();
    }

    /** A hazard at a source in the city (an inspection target), through the hazards facade. */
    @Transactional
    public Hazards.Opened openHazard(long sourceId, String description, LocalDate deadline, String responsible, CurrentUser user) {
        user.require(Permission.TRAFFIC_CASE);
        Source s = sources().stream().filter(x -> x.id() == sourceId).findFirst()
                .orElseThrow(() -> new NotFoundException("traffic_vehicle_source", sourceId));
        if (s.countyId() == null) {
            throw new BusinessException("traffic.seizure.source.elsewhere");
        }
        if (s.hazardCode() != null) {
            throw new BusinessException("traffic.road.hazard.exists", s.hazardCode());
        }
        var opened = hazards.openFrom(new Origin("traffic", "vehicle-source", sourceId), Finding.inspection(null, s.name() + " " + s.place(),
                s.countyId(), RoadTransport.INDUSTRY, description, deadline, responsible, "illegal vehicle source " + s.name()), user);
        jdbc.sql("UPDATE traffic_vehicle_source SET hazard_id = :h, hazard_code = :c WHERE id = :id").param("h", opened.id())
                .param("c", opened.code()).param("id", sourceId).update();
        audit.record("HAZARD", "traffic_vehicle_source", sourceId, opened.code(), null, null);
        return opened;
    }
}
