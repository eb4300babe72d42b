/**
 * Supervision of hazard rectification: the escalation ladder (reminder, supervision notice, listed
 * supervision, interview of officials, transfer to discipline inspection), the owners' inbox and
 * the public list of hazards under listed supervision. The sweep is set-based SQL over the hazard
 * register; it reads hazards and writes only this module's tables.
 */
@ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::jobs", "platform::documents", "directory", "hazards"})
package org.anquan.supervision;

import org.springframework.modulith.ApplicationModule;
