package org.anquan.platform.security;

/**
 * What a person does in the system. The role decides which screens and actions are open; the
 * account's region, department or enterprise decides which records (see {@link DataScope}).
 */
public enum Role {
    /** 市安委办 administrator: everything, city-wide. */
    CITY_ADMIN(true, false),
    /** Officer of an industry department: the industries the department supervises. */
    DEPT_OFFICER(false, false),
    /** Officer of a county or district: that region and everything under it. */
    COUNTY_OFFICER(false, false),
    /** Safety manager of one enterprise: that enterprise only. */
    ENTERPRISE_USER(false, false),
    /** Duty officer on the 24-hour roster: city-wide, reads the directory. */
    DUTY_OFFICER(true, true),
    /** Leader: city-wide, read-only. */
    LEADER(true, true),
    /** Discipline-inspection viewer: city-wide, read-only. */
    DISCIPLINE(true, true);

    private final boolean cityWide;
    private final boolean readOnly;

    Role(boolean cityWide, boolean readOnly) {
        this.cityWide = cityWide;
        this.readOnly = readOnly;
    }

    public boolean cityWide() {
        return cityWide;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
