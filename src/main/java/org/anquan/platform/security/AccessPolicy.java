package org.anquan.platform.security;

import static org.anquan.platform.security.Permission.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one role → permission table. The README prints it (a test holds the two together); the
 * security configuration grants each permission as an authority, and services check it through
 * {@link CurrentUser#require(Permission)}.
 */
public final class AccessPolicy {

    private static final Set<Permission> OFFICER = EnumSet.of(ENTERPRISE_EDIT, HAZARD_REPORT, HAZARD_ROUTE, HAZARD_VERIFY,
            HAZARD_ASSIGN, HAZARD_RECTIFY, HAZARD_ACCEPT, HAZARD_REOPEN, HAZARD_REGRADE, HAZARD_IMPORT, MEASURE_EDIT, SUPERVISION_ANSWER,
            ACCIDENT_REPORT, CITIZEN_HANDLE, FIRE_ACK, DUTY_MANAGE, TRAFFIC_CASE, INBOX_USE);

    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        TABLE.put(Role.CITY_ADMIN, EnumSet.complementOf(EnumSet.of(QUARTERLY_FILE, INBOX_USE, FIRE_ACK)));
        TABLE.put(Role.COUNTY_OFFICER, with(with(with(with(with(OFFICER, REINSPECTION_RECORD), HAZARD_LIST), ACCIDENT_CLOSE), STATISTICS_ENTER), RESOURCE_EDIT));
        TABLE.put(Role.DEPT_OFFICER, OFFICER);
        TABLE.put(Role.ENTERPRISE_USER, EnumSet.of(HAZARD_REPORT, HAZARD_RECTIFY, QUARTERLY_FILE, ACCIDENT_REPORT));
        TABLE.put(Role.DUTY_OFFICER, EnumSet.of(HAZARD_REPORT, ACCIDENT_REPORT, FIRE_DATA, ALERT_AUTHOR, DUTY_MANAGE, DUTY_SPOT_CHECK));
        TABLE.put(Role.LEADER, EnumSet.noneOf(Permission.class));
        TABLE.put(Role.DISCIPLINE, EnumSet.noneOf(Permission.class));
        TABLE.replaceAll((role, permissions) -> Collections.unmodifiableSet(permissions));
        if (TABLE.size() != Role.values().length) {
            throw new IllegalStateException("every role needs a row in the permission table");
        }
    }

    private AccessPolicy() {
    }

    public static Set<Permission> permissionsOf(Role role) {
        return TABLE.get(role);
    }

    public static boolean allows(Role role, Permission permission) {
        return TABLE.get(role).contains(permission);
    }

    private static Set<Permission> with(Set<Permission> base, Permission more) {
        Set<Permission> s = EnumSet.copyOf(base);
        s.add(more);
        return s;
    }
}
