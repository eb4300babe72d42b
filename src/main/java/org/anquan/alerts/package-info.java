/**
 * Public warnings as OASIS CAP 1.2 messages: drafted, approved by a second person, published at stable
 * addresses, updated and cancelled; an Atom feed of those in force and a public page for phones. The
 * emergency module's fire danger of level 4-5 drafts one by itself.
 */
@ApplicationModule(displayName = "Public warnings",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "directory", "emergency"})
package org.anquan.alerts;

import org.springframework.modulith.ApplicationModule;
