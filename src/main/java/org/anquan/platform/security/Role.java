package org.anquan.platform.security;

/**
 * What a person does in the system. The role decides what the account may do, through the one
 * table of {@link AccessPolicy}, and by what its records are bounded ({@link #scopeKind()}); the
 * account's region, department or enterprise decides which records (see {@link DataScope}).
 * Code outside this package asks for a {@link Permission}, never for a role.
 */
public enum Role {
    /** 市安委办 administrator: everything, city-wide. */
    CITY_ADMIN(DataScope.Kind.CITY),
    /** Officer of an industry department: the industries the department supervises. */
    DEPT_OFFICER(DataScope.Kind.DEPARTMENT),
    /** Officer of a county or district: that region and everything under it. */
    COUNTY_OFFICER(DataScope.Kind.REGION),
    /** Safety manager of one enterprise: that enterprise only. */
    ENTERPRISE_USER(DataScope.Kind.ENTERPRISE),
    /** Duty officer on the 24-hour roster: city-wide, reads and records reports by phone. */
    DUTY_OFFICER(DataScope.Kind.CITY),
    /** Leader: city-wide, read-only. */
    LEADER(DataScope.Kind.CITY),
    /** Discipline-inspection viewer: city-wide, read-only. */
    DISCIPLINE(DataScope.Kind.CITY);

    private final DataScope.Kind scopeKind;

    Role(DataScope.Kind scopeKind) {
        this.scopeKind = scopeKind;
    }

    /** What bounds the records of an account with this role. */
    public DataScope.Kind scopeKind() {
        return scopeKind;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
