package org.anquan.citizen.reports;

import org.anquan.hazards.Hazards;
import org.anquan.platform.security.CurrentUser;
import org.springframework.context.ApplicationContext;

/** Test fixture: the officers' steps on a citizen report, for tests outside the feature that need a report handled. */
public final class CitizenFixtures {

    private CitizenFixtures() {
    }

    public static void accept(ApplicationContext context, long id, int version, CurrentUser user) {
        context.getBean(Handling.class).accept(id, version, user);
    }

    public static void close(ApplicationContext context, long id, int version, String publicReply, CurrentUser user) {
        context.getBean(Handling.class).close(id, version, publicReply, user);
    }

    public static Hazards.Opened toHazard(ApplicationContext context, long id, int version, String description, CurrentUser user) {
        return context.getBean(Handling.class).toHazard(id, version, description, user);
    }

    public static void toClue(ApplicationContext context, long id, int version, String note, CurrentUser user) {
        context.getBean(Handling.class).toClue(id, version, note, user);
    }
}
