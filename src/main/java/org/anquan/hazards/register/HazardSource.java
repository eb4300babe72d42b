package org.anquan.hazards.register;

/** Who found the hazard. Outside sources are verified before anyone is asked to fix them. */
public enum HazardSource {
    ENTERPRISE_SELF(false), DEPT_INSPECTION(false), CITIZEN(true), REFERRAL(true), SENSOR(true), REINSPECTION(false);

    private final boolean external;

    HazardSource(boolean external) {
        this.external = external;
    }

    public boolean external() {
        return external;
    }

    public String messageKey() {
        return "hazard.source." + name();
    }
}
