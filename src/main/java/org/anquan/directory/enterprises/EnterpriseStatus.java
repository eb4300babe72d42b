package org.anquan.directory.enterprises;

import java.util.Arrays;
import java.util.List;

/**
 * Operating status. Mines have four statuses of their own, and all four stay under supervision:
 * a closed mine is still listed and still inspected until it is sealed off.
 */
public enum EnterpriseStatus {
    OPERATING(false), SUSPENDED(false), CLOSED(false),
    MINE_PRODUCING(true), MINE_UNDER_CONSTRUCTION(true), MINE_TECH_RENOVATION(true), MINE_CLOSED(true);

    private final boolean mining;

    EnterpriseStatus(boolean mining) {
        this.mining = mining;
    }

    public boolean forMines() {
        return mining;
    }

    public static List<EnterpriseStatus> applicableTo(boolean miningIndustry) {
        return Arrays.stream(values()).filter(s -> s.mining == miningIndustry).toList();
    }

    public String messageKey() {
        return "enterprise.status." + name();
    }
}
