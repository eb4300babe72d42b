package org.anquan.directory;

import java.time.LocalDate;
import java.util.Optional;
import org.anquan.directory.domain.EnterpriseQueries;
import org.anquan.directory.domain.Region;
import org.anquan.directory.domain.Regions;
import org.anquan.directory.domain.Responsibility;
import org.anquan.directory.domain.ResponsibilityMatrix;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.GeoPoint;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of the responsibility chain: who supervises this industry, which county
 * is this place in, how large is a scope.
 */
@Service
public class Directory {

    private final ResponsibilityMatrix matrix;
    private final Regions regions;
    private final EnterpriseQueries enterprises;

    Directory(ResponsibilityMatrix matrix, Regions regions, EnterpriseQueries enterprises) {
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

    public Responsibility responsibleFor(String industryCode) {
        return matrix.lookup(industryCode);
    }

    /** The county or district in which the point lies. */
    public Optional<RegionRef> countyAt(GeoPoint p) {
        return regions.locate(p).flatMap(r -> regions.countyOf(r.id())).map(RegionRef::of);
    }

    public long enterpriseCount(DataScope scope) {
        return enterprises.count(scope);
    }

    public long licencesExpiringWithin(int days, DataScope scope, LocalDate today) {
        return enterprises.licencesExpiringWithin(days, scope, today);
    }
}
