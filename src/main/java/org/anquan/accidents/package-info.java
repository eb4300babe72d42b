/**
 * Production-safety accidents (State Council Order 493): the accident report with its six items,
 * the grade computed from the thresholds table, and the first hop of the reporting clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accidents",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "directory"})
package org.anquan.accidents;
