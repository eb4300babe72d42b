/**
 * 24-hour duty (值班值守): each unit's rosters with a duty leader and officers and no uncovered hour, check-in,
 * handover and approved swaps, the daily zero-report, and the city duty office's random spot checks with
 * their ranking and notice, and information reporting against the clock (linked to the accident record).
 */
@ApplicationModule(displayName = "Duty",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::documents", "directory",
                "accidents"})
package org.anquan.duty;

import org.springframework.modulith.ApplicationModule;
