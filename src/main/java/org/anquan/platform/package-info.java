/**
 * Cross-cutting platform: security and data scope, audit trail, web shell, i18n, error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.anquan.platform;
