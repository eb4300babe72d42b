package org.anquan.directory;

import java.util.List;

/** Who supervises an industry: one lead department and any co-supervising ones. */
public record Responsibility(String industryCode, Long leadDepartmentId, List<Long> coDepartmentIds) {

    public boolean assigned() {
        return leadDepartmentId != null;
    }
}
