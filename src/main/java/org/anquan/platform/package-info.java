/**
 * Cross-cutting platform: security and data scope, audit trail, web shell, i18n, error pages.
 */
@ApplicationModule(displayName = "Platform")
package org.anquan.platform;

import org.springframework.modulith.ApplicationModule;
