package org.anquan.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the administrator enters for an account. Password only on creation or reset. */
public record AccountForm(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "{account.username.pattern}") String username,
        @NotBlank @Size(max = 100) String displayName,
        @Size(max = 32) String phone,
        @NotNull Role role,
        Long regionId,
        Long departmentId,
        Long enterpriseId,
        String password,
        boolean enabled,
        Integer version) {

    /** An empty form for a new account: a county officer, enabled. */
    public static AccountForm blank() {
        return new AccountForm(null, null, null, Role.COUNTY_OFFICER, null, null, null, null, true, null);
    }

    // Only the unit the role is bounded by counts, so a stale id left in another field never widens or narrows access.

    /** The county this form scopes the account to, when its role is bounded by one. */
    public Long scopedRegionId() {
        return scoped(DataScope.Kind.REGION, regionId);
    }

    /** The department this form scopes the account to, when its role is bounded by one. */
    public Long scopedDepartmentId() {
        return scoped(DataScope.Kind.DEPARTMENT, departmentId);
    }

    /** The enterprise this form scopes the account to, when its role is bounded by one. */
    public Long scopedEnterpriseId() {
        return scoped(DataScope.Kind.ENTERPRISE, enterpriseId);
    }

    private Long scoped(DataScope.Kind kind, Long id) {
        return role != null && role.scopeKind() == kind ? id : null;
    }
}
