package org.anquan.directory;

import java.time.LocalDate;
import java.util.*;
import org.anquan.directory.enterprises.Enterprise;
import org.anquan.directory.enterprises.EnterpriseQueries;
import org.anquan.directory.enterprises.EnterpriseRepository;
import org.anquan.directory.regions.Region;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Polygon;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What other modules ask of the responsibility chain: who supervises this industry, which county
 * is this place in, how large is a scope.
 */
@Service
public class Directory {

    private final ResponsibilityMatrix matrix;
    private final Regions regions;
    private final EnterpriseQueries enterprises;
    private final EnterpriseRepository enterpriseRepository;

    private final JsonMapper json;

    Directory(ResponsibilityMatrix matrix, Regions regions, EnterpriseQueries enterprises,
              EnterpriseRepository enterpriseRepository, JsonMapper json) {
        this.json = json;
        this.enterpriseRepository = enterpriseRepository;
        this.matrix = matrix;
        this.regions = regions;
        this.enterprises = enterprises;
    }

    /** A region as other modules see it. */
    public record RegionRef(long id, String code, String name, String level) {
        static RegionRef of(Region r) {
            return new RegionRef(r.id(), r.code(), r.name(), r.level().name());
        }
    }

    /** An enterprise as other modules see it. */
    public record EnterpriseRef(long id, String name, String industryCode, long regionId, long countyId) {
    }

    /** A department as other modules see it. */
    public record DepartmentRef(long id, String code, String name, String nameEn) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
        }
    }

    /** An industry as other modules see it. */
    public record IndustryRef(String code, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public Optional<EnterpriseRef> enterprise(long id) {
        return enterpriseRepository.findById(id).map(Directory::ref);
    }

    /** The enterprise, if the scope reaches it. */
    public Optional<EnterpriseRef> enterprise(long id, DataScope scope) {
        return enterprises.inScope(id, scope) ? enterprise(id) : Optional.empty();
    }

    /** The enterprise's principal responsible person (主要负责人) as registered, who signs its statistics. */
    public Optional<String> principalOf(long enterpriseId) {
        return enterpriseRepository.findById(enterpriseId).map(Enterprise::getPrincipalName)
                .filter(n -> !n.isBlank());
    }

    public Optional<EnterpriseRef> enterpriseByCreditCode(String creditCode) {
        return enterpriseRepository.findByCreditCode(creditCode).map(Directory::ref);
    }

    private static EnterpriseRef ref(Enterprise e) {
        return new EnterpriseRef(e.getId(), e.getName(), e.getIndustryCode(), e.getRegionId(), e.getCountyId());
    }

    /**
     * The name of the unit a scope stands for (its county or township, department or enterprise), as
     * printed on ledgers; empty for the city, which the caller names.
     */
    public Optional<String> unitName(DataScope scope, Locale locale) {
        return switch (scope.kind()) {
            case CITY -> Optional.empty();
            case REGION -> region(scope.id()).map(RegionRef::name);
            case DEPARTMENT -> department(scope.id()).map(d -> d.name(locale));
            case ENTERPRISE -> enterprise(scope.id()).map(EnterpriseRef::name);
        };
    }

    public List<DepartmentRef> departments() {
        return matrix.departments().stream().map(d -> new DepartmentRef(d.id(), d.code(), d.name(), d.nameEn())).toList();
    }

    public Optional<DepartmentRef> department(long id) {
        return matrix.department(id).map(d -> new DepartmentRef(d.id(), d.code(), d.name(), d.nameEn()));
    }

    public List<IndustryRef> industries() {
        return matrix.industries().stream().map(i -> new IndustryRef(i.code(), i.nameZh(), i.nameEn())).toList();
    }

    /** A county's outline (GeoJSON geometry), for maps. */
    public record RegionShape(String name, String boundary) {
    }

    /** The counties that have an outline, for a map of the city. */
    public List<RegionShape> countyShapes() {
        return regions.ofLevel(RegionLevel.COUNTY).stream().filter(r -> r.boundary() != null)
                .map(r -> new RegionShape(r.name(), r.boundary())).toList();
    }

    /**
     * A point given by latitude and longitude that must lie in the county: the point, or null with the reason under
     * {@code field} — {@code location.invalid} when a coordinate is missing or out of range, {@code location.outside}
     * when it lies elsewhere ({@code countyId} null: the county was refused already and the point is only read).
     */
    public GeoPoint pointIn(Double lat, Double lon, Long countyId, String field, Map<String, String> errors) {
        GeoPoint p;
        try {
            p = lat == null || lon == null ? null : new GeoPoint(lon, lat);
        } catch (IllegalArgumentException e) {
            p = null;
        }
        if (p == null) {
            errors.put(field, "location.invalid");
        } else if (countyId != null && !countyAt(p).map(c -> c.id() == countyId).orElse(false)) {
            errors.put(field, "location.outside");
        }
        return p;
    }

    /**
     * A point drawn at random inside the county (demo data, simulations): drawn in the outline's bounding box
     * until one falls in the county; empty when the county has no outline.
     */
    public Optional<GeoPoint> randomPointIn(long countyId, Random random) {
        var county = regions.ofLevel(RegionLevel.COUNTY).stream().filter(r -> r.id() == countyId && r.boundary() != null).findFirst();
        if (county.isEmpty()) {
            return Optional.empty();
        }
        Polygon shape = Polygon.fromGeoJson(county.get().boundary());
        for (int i = 0; i < 1000; i++) {
            GeoPoint p = new GeoPoint(shape.minLon() + random.nextDouble() * (shape.maxLon() - shape.minLon()),
                    shape.minLat() + random.nextDouble() * (shape.maxLat() - shape.minLat()));
            if (countyAt(p).map(r -> r.id() == countyId).orElse(false)) {
                return Optional.of(p);
            }
        }
        throw new IllegalStateException("no point found in county " + countyId);
    }

    /** The city's counties as a GeoJSON FeatureCollection (each feature named), for the map component. */
    public String cityMap() {
        return featureCollection(countyShapes());
    }

    /** A region's children as a GeoJSON FeatureCollection (the region itself when it has none), for the map component. */
    public String regionMap(long regionId) {
        List<RegionShape> children = regions.children(regionId).stream().filter(r -> r.boundary() != null)
                .map(r -> new RegionShape(r.name(), r.boundary())).toList();
        if (!children.isEmpty()) {
            return featureCollection(children);
        }
        Region r = regions.get(regionId);
        return featureCollection(r.boundary() == null ? List.of() : List.of(new RegionShape(r.name(), r.boundary())));
    }

    private String featureCollection(List<RegionShape> shapes) {
        var features = new ArrayList<Map<String, Object>>();
        for (RegionShape shape : shapes) {
            features.add(Map.of("type", "Feature", "properties", Map.of("name", shape.name()),
                    "geometry", json.readTree(shape.boundary())));
        }
        return json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
    }

    public List<RegionRef> counties() {
        return regions.ofLevel(RegionLevel.COUNTY).stream().map(RegionRef::of).toList();
    }

    /** Each county's name by its id, for lists that show a record's county. */
    public Map<Long, String> countyNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        counties().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    /** The townships and streets of every county, each with the county it lies in, for a choice grouped by county. */
    public record TownshipRef(long id, String name, long countyId) {
    }

    public List<TownshipRef> townships() {
        return regions.ofLevel(RegionLevel.TOWNSHIP).stream().filter(r -> r.parentId() != null)
                .map(r -> new TownshipRef(r.id(), r.name(), r.parentId())).toList();
    }

    /** The city and its counties: the levels at which policies are adopted. */
    public List<RegionRef> cityAndCounties() {
        List<RegionRef> all = new ArrayList<>(regions.ofLevel(RegionLevel.CITY).stream().map(RegionRef::of).toList());
        all.addAll(counties());
        return all;
    }

    public Optional<RegionRef> region(long id) {
        return regions.find(id).map(RegionRef::of);
    }

    public Responsibility responsibleFor(String industryCode) {
        return matrix.lookup(industryCode);
    }

    /** The county or district in which the point lies. */
    public Optional<RegionRef> countyAt(GeoPoint p) {
        // the counties' own outlines first (one query); a county drawn only through its townships is found through them
        return regions.countyContaining(p).or(() -> regions.locate(p).flatMap(r -> regions.countyOf(r.id()))).map(RegionRef::of);
    }

    public long enterpriseCount(DataScope scope) {
        return enterprises.count(scope);
    }

    public long licencesExpiringWithin(int days, DataScope scope, LocalDate today) {
        return enterprises.licencesExpiringWithin(days, scope, today);
    }
}
