package org.anquan.supervision;

import org.anquan.platform.security.DataScope;
import org.anquan.supervision.domain.SupervisionQueries;
import org.springframework.stereotype.Service;

/** What other modules ask of supervision. */
@Service
public class Supervision {

    private final SupervisionQueries queries;

    Supervision(SupervisionQueries queries) {
        this.queries = queries;
    }

    /** Unread inbox messages of the scope's department or county. */
    public long unread(DataScope scope) {
        return queries.unread(scope);
    }
}
