package org.anquan.hazards.register;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anquan.shared.InvalidInputException;

/**
 * Who must deal with a hazard: the department that leads supervision of its industry
 * (管行业必须管安全) and the county where it is — the enterprise's county, or for a place without
 * an enterprise the county whose boundary holds the location.
 */
final class RoutingPolicy {

    private RoutingPolicy() {
    }

    public record Route(long departmentId, long countyId) {
    }

    /**
     * @param leadDepartmentId   the industry's lead department, null when nobody is assigned
     * @param enterpriseCountyId the county of the hazard's enterprise, null without an enterprise
     * @param locatedCountyId    the county holding the reported location, null without one or outside the city
     */
    public static Route route(Long leadDepartmentId, Long enterpriseCountyId, Long locatedCountyId) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (leadDepartmentId == null) {
            errors.put("industryCode", "hazard.routing.no.department");
        }
        Long county = enterpriseCountyId != null ? enterpriseCountyId : locatedCountyId;
        if (county == null) {
            errors.put("lon", "hazard.routing.no.county");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Route(leadDepartmentId, county);
    }
}
