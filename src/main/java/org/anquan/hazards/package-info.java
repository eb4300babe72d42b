/**
 * Hidden-hazard governance: discovery, automatic routing to the responsible department and county,
 * rectification by a deadline, acceptance and closing (销号), and the five-in-place plan of major hazards.
 */
@ApplicationModule(displayName = "Hazards",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::documents", "platform::files", "directory"})
package org.anquan.hazards;

import org.springframework.modulith.ApplicationModule;
