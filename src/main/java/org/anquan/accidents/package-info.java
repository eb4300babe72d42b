/**
 * Production-safety accidents (State Council Order 493): the accident report with its six items,
 * the grade computed from the thresholds table, the reporting clock, supplementary reports, the
 * investigation with its report and recommendations (which may open hazards through the hazards
 * facade), the persons and units handled, 四不放过 before closing, and the serious-dishonesty candidates.
 */
@ApplicationModule(displayName = "Accidents",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::files", "directory",
                "hazards"})
package org.anquan.accidents;

import org.springframework.modulith.ApplicationModule;
