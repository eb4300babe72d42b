package org.anquan.platform.security;

import java.time.OffsetDateTime;

/** A user account as listed and edited by the administrator (no password hash). */
public record Account(long id, String username, String displayName, String phone, Role role,
                     Long regionId, Long departmentId, Long enterpriseId, boolean enabled,
                     boolean mustChangePassword, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt,
                     int version) {
}
