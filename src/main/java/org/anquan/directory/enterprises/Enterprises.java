package org.anquan.directory.enterprises;
import java.time.Clock;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.anquan.directory.ScopeFilter;
import org.anquan.directory.regions.Region;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.Industry;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.shared.DateHorizon;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering and editing enterprises. Input is checked completely before anything is written; a
 * location outside the chosen region is kept but flagged, since boundaries on file are coarse.
 */
@Service
class Enterprises {

    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,32}");

    private final DateHorizon horizon;
    private final EnterpriseRepository repository;
    private final EnterpriseQueries queries;
    private final Regions regions;
    private final ResponsibilityMatrix matrix;
    private final EnterpriseSearchIndex searchIndex;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScopeFilter scopes;

    Enterprises(EnterpriseRepository repository, EnterpriseQueries queries, Regions regions, ResponsibilityMatrix matrix,
                EnterpriseSearchIndex searchIndex, AuditTrail audit, Clock clock, ScopeFilter scopes, DateHorizon horizon) {
        this.horizon = horizon;
        this.scopes = scopes;
        this.searchIndex = searchIndex;
        this.repository = repository;
        this.queries = queries;
        this.regions = regions;
        this.matrix = matrix;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of a save: the id, and warnings the user should see (e.g. location outside region). */
    public record Saved(long id, List<String> warningKeys) {
    }

    /**
     * The enterprise, if the user's scope reaches it. Out-of-scope ids answer exactly like unknown
     * ids (not found), and the attempt is audited.
     */
    public Enterprise get(long id, CurrentUser user) {
        Enterprise e = repository.findById(id).orElseThrow(() -> new NotFoundException("enterprise", id));
        if (!queries.inScope(id, user.scope())) {
            throw new ScopeDeniedException("enterprise", id);
        }
        return e;
    }

    public boolean mayEdit(CurrentUser user) {
        return user.may(Permission.ENTERPRISE_EDIT);
    }

    @Transactional
    public Saved create(EnterpriseInput in, CurrentUser user) {
        requireEditor(user);
        Checked c = check(in, null);
        requireWithinScope(c.details(), user);
        Enterprise saved = repository.save(Enterprise.register(c.details(), clock));
        searchIndex.reindex(saved.getId(), saved.getSearchText());
        audit.record("CREATE", "enterprise", saved.getId(), saved.getName(), null, saved.details());
        return new Saved(saved.getId(), c.warnings());
    }

    @Transactional
    public Saved update(long id, EnterpriseInput in, CurrentUser user) {
        requireEditor(user);
        Enterprise e = get(id, user);
        Checked c = check(in, id);
        requireWithinScope(c.details(), user);
        var before = e.details();
        if (in.version() == null) {
            throw new InvalidInputException(Map.of("version", "version.required"));
        }
        e.update(c.details(), in.version(), clock);
        repository.save(e);
        searchIndex.reindex(id, e.getSearchText());
        audit.record("UPDATE", "enterprise", id, e.getName(), before, e.details());
        return new Saved(id, c.warnings());
    }

    private void requireEditor(CurrentUser user) {
        if (!mayEdit(user)) {
            throw new AccessDeniedException(user.username() + " may not edit enterprises");
        }
    }

    /** A county officer registers only inside its county; a department officer only its industries. */
    private void requireWithinScope(EnterpriseDetails d, CurrentUser user) {
        DataScope scope = user.scope();
        var subject = new ScopeFilter.Subject(d.countyId(), null, d.industryCode(), null);
        if (!scopes.reaches(scope, subject, ScopeFilter.Mode.ACT)) {
            throw new InvalidInputException(Map.of(scope.kind() == DataScope.Kind.DEPARTMENT ? "industryCode" : "regionId",
                    "enterprise.outside.scope"));
        }
    }

    private record Checked(EnterpriseDetails details, List<String> warnings) {
    }

    private Checked check(EnterpriseInput in, Long selfId) {
        Inputs.check(in);
        if (in.licences() != null) {
            var dates = new LinkedHashMap<String, LocalDate>();
            for (int i = 0; i < in.licences().size(); i++) {
                dates.put("licences[" + i + "].validUntil", in.licences().get(i) == null ? null : in.licences().get(i).validUntil());
            }
            horizon.check(dates);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String name = trim(in.name());
        if (name == null) {
            errors.put("name", "validation.required");
        } else if (name.length() > 200) {
            errors.put("name", "validation.too.long");
        }
        String code = CreditCode.normalize(in.creditCode());
        if (code == null || code.isEmpty()) {
            errors.put("creditCode", "validation.required");
        } else if (CreditCode.problem(code, ownDivisions()) != null) {
            errors.put("creditCode", "creditCode.invalid." + CreditCode.problem(code, ownDivisions()).name());
        } else {
            repository.findByCreditCode(code).filter(other -> !other.getId().equals(selfId))
                    .ifPresent(other -> errors.put("creditCode", "creditCode.duplicate"));
        }
        Industry industry = in.industryCode() == null ? null : matrix.industry(in.industryCode()).orElse(null);
        if (industry == null) {
            errors.put("industryCode", "validation.required");
        }
        Region region = in.regionId() == null ? null : regions.find(in.regionId()).orElse(null);
        if (region == null || region.level() == RegionLevel.CITY) {
            errors.put("regionId", "enterprise.region.required");
        }
        if (in.scale() == null) {
            errors.put("scale", "validation.required");
        }
        if (in.status() == null) {
            errors.put("status", "validation.required");
        } else if (industry != null && in.status().forMines() != industry.mining()) {
            errors.put("status", industry.mining() ? "enterprise.status.mine.required" : "enterprise.status.mine.only");
        }
        GeoPoint location = null;
        if ((in.lon() == null) != (in.lat() == null)) {
            errors.put("lon", "enterprise.location.both");
        } else if (in.lon() != null) {
            try {
                location = new GeoPoint(in.lon(), in.lat());
            } catch (IllegalArgumentException ex) {
                errors.put("lon", "enterprise.location.range");
            }
        }
        checkPhone(in.principalPhone(), "principalPhone", errors);
        checkPhone(in.safetyManagerPhone(), "safetyManagerPhone", errors);
        if (trim(in.address()) != null && in.address().length() > 300) {
            errors.put("address", "validation.too.long");
        }
        List<Licence> licences = new ArrayList<>();
        List<EnterpriseInput.LicenceInput> rows = in.licences() == null ? List.of() : in.licences();
        for (int i = 0; i < rows.size(); i++) {
            var l = rows.get(i);
            if (l == null || l.blank()) {
                continue;
            }
            if (trim(l.kind()) == null || trim(l.licenceNo()) == null || l.validUntil() == null) {
                errors.put("licences[" + i + "].kind", "licence.incomplete");
            } else {
                licences.add(new Licence(l.kind().trim(), l.licenceNo().trim(), trim(l.issuedBy()), l.validUntil()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean outside = location != null && region.boundary() != null && !region.contains(location);
        if (outside) {
            warnings.add("enterprise.location.outside");
        }
        long county = region.level() == RegionLevel.COUNTY ? region.id() : region.parentId();
        return new Checked(new EnterpriseDetails(name, code, industry.code(), region.id(), region.path(), county, trim(in.address()),
                in.lon(), in.lat(), in.scale(), in.status(), trim(in.principalName()), trim(in.principalPhone()),
                trim(in.safetyManagerName()), trim(in.safetyManagerPhone()), outside, licences), warnings);
    }

    private static void checkPhone(String phone, String field, Map<String, String> errors) {
        if (trim(phone) != null && !PHONE.matcher(phone.trim()).matches()) {
            errors.put(field, "validation.phone");
        }
    }

    /** The two-digit prefixes of the deploying city's own division codes, accepted in credit codes with China's provinces. */
    private Set<String> ownDivisions() {
        return regions.ofLevel(RegionLevel.CITY).stream().map(Region::code).filter(c -> c != null && c.length() >= 2)
                .map(c -> c.substring(0, 2)).collect(Collectors.toSet());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
