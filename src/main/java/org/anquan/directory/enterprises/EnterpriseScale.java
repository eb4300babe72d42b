package org.anquan.directory.enterprises;

/** Enterprise size class (GB/T statistical division): 大型 / 中型 / 小型 / 微型. */
public enum EnterpriseScale {
    LARGE, MEDIUM, SMALL, MICRO;

    public String messageKey() {
        return "enterprise.scale." + name();
    }
}
