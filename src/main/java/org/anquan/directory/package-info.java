/**
 * The responsibility chain: regions and their first responsible persons, departments and the
 * industries they supervise, enterprises and their responsible people, user accounts' scope.
 */
@ApplicationModule(displayName = "Directory",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::files"})
package org.anquan.directory;

import org.springframework.modulith.ApplicationModule;
