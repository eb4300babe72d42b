package org.anquan.platform.security;

/** Who is acting, as the rest of the system needs to know it. */
public record CurrentUser(long accountId, String username, String displayName, Role role,
                          Long regionId, Long departmentId, Long enterpriseId) {

    public DataScope scope() {
        return switch (role) {
            case CITY_ADMIN, DUTY_OFFICER, LEADER, DISCIPLINE -> DataScope.CITY;
            case COUNTY_OFFICER -> new DataScope(DataScope.Kind.REGION, regionId);
            case DEPT_OFFICER -> new DataScope(DataScope.Kind.DEPARTMENT, departmentId);
            case ENTERPRISE_USER -> new DataScope(DataScope.Kind.ENTERPRISE, enterpriseId);
        };
    }
}
