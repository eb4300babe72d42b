package org.anquan.directory.enterprises;

import java.util.List;

/** The editable facts of an enterprise, validated before they reach the aggregate. */
record EnterpriseDetails(String name, String creditCode, String industryCode, long regionId, String regionPath, long countyId,
                                String address, Double lon, Double lat, EnterpriseScale scale,
                                EnterpriseStatus status, String principalName, String principalPhone,
                                String safetyManagerName, String safetyManagerPhone, boolean outsideRegion,
                                List<Licence> licences) {
}
