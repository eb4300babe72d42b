/**
 * Emergency readiness: forest-fire danger from the stations' daily weather (the FWI system carried day
 * to day, the five national levels, each county's level, warnings of levels 3-5 with acknowledgments,
 * fire seasons). Other modules read {@code emergency_fire_level_view} and listen for {@link FireDangerWarned}.
 */
@ApplicationModule(displayName = "Emergency",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::files", "directory"})
package org.anquan.emergency;

import org.springframework.modulith.ApplicationModule;
