package org.anquan.platform.security;

import java.io.Serializable;
import org.springframework.security.access.AccessDeniedException;

/** Who is acting, as the rest of the system needs to know it. Kept in the shared session store, hence serializable. */
public record CurrentUser(long accountId, String username, String displayName, Role role,
                          Long regionId, Long departmentId, Long enterpriseId) implements Serializable {

    /** The records this user may see: the role says by what they are bounded, the account by which one. */
    public DataScope scope() {
        return switch (role.scopeKind()) {
            case CITY -> DataScope.CITY;
            case REGION -> new DataScope(DataScope.Kind.REGION, regionId);
            case DEPARTMENT -> new DataScope(DataScope.Kind.DEPARTMENT, departmentId);
            case ENTERPRISE -> new DataScope(DataScope.Kind.ENTERPRISE, enterpriseId);
        };
    }

    /** Whether the role table grants this user the permission. */
    public boolean may(Permission permission) {
        return AccessPolicy.allows(role, permission);
    }

    /** Refuses (403) unless the role table grants this user the permission. */
    public void require(Permission permission) {
        if (!may(permission)) {
            throw new AccessDeniedException(username + " lacks " + permission);
        }
    }
}
