package org.anquan.traffic.common;

import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The county a record of the module is kept in: one of the city's, and one the user may act in for the record's industry. */
@Component
public class CountyCheck {

    private final Directory directory;
    private final ScopeFilter scopes;

    CountyCheck(Directory directory, ScopeFilter scopes) {
        this.directory = directory;
        this.scopes = scopes;
    }

    /** Puts the reason under {@code countyId} when the county is unknown, or not the user's to act in. */
    public void check(Long countyId, String industry, CurrentUser user, Map<String, String> errors) {
        if (countyId == null || directory.counties().stream().noneMatch(c -> c.id() == countyId)) {
            errors.put("countyId", "fire.station.county.unknown");
        } else if (!scopes.reaches(user.scope(), new ScopeFilter.Subject(countyId, null, industry, null), ScopeFilter.Mode.ACT)) {
            errors.put("countyId", "resource.county.not.yours");
        }
    }
}
