package org.anquan.hazards.register;

/** 一般隐患 / 重大隐患. */
public enum HazardGrade {
    GENERAL, MAJOR;

    public String messageKey() {
        return "hazard.grade." + name();
    }
}
