/**
 * Citizen reporting: 随手拍 and 举报 from a phone without an account, followed by a tracking code;
 * moderation, duplicate offers, routing through the responsibility matrix, conversion into a hazard
 * (through the hazards facade) or a crackdown clue, replies, the confidential tip with its reward, and
 * Open311 GeoReport v2 for other applications. Other modules read {@code citizen_report_view}.
 */
@ApplicationModule(displayName = "Citizen reporting",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::files", "directory",
                "hazards"})
package org.anquan.citizen;

import org.springframework.modulith.ApplicationModule;
