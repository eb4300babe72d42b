package org.anquan.hazards;

import java.time.Clock;
import java.time.LocalDate;
import org.anquan.hazards.domain.HazardQueries;
import org.anquan.platform.security.DataScope;
import org.springframework.stereotype.Service;

/** What other modules ask of the hazard register. */
@Service
public class Hazards {

    private final HazardQueries queries;
    private final Clock clock;

    Hazards(HazardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public boolean visible(long hazardId, DataScope scope) {
        return queries.inScope(hazardId, scope);
    }

    public HazardSummary summary(DataScope scope) {
        return queries.summary(scope, LocalDate.now(clock));
    }
}
