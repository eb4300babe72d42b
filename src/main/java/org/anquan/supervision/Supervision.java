package org.anquan.supervision;

import org.anquan.platform.security.DataScope;
import org.anquan.supervision.inbox.Inbox;
import org.springframework.stereotype.Service;

/** What other modules ask of supervision. */
@Service
public class Supervision {

    private final Inbox inbox;

    Supervision(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Unread inbox messages of the scope's department or county. */
    public long unread(DataScope scope) {
        return inbox.unread(scope);
    }
}
