/**
 * Statistics over what other modules publish: accidents by period, county, industry and kind with
 * the change against the same period of the year before, in figures and in the words officials use;
 * and the motor vehicles and drivers of each county, which it keeps itself.
 */
@ApplicationModule(displayName = "Statistics",
        allowedDependencies = {"shared", "platform::security", "platform::web", "platform::documents", "platform::audit",
                "platform::files", "directory", "hazards"})
package org.anquan.statistics;

import org.springframework.modulith.ApplicationModule;
