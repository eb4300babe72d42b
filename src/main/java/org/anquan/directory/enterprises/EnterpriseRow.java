package org.anquan.directory.enterprises;

import java.time.OffsetDateTime;

/** One line of the enterprise list and export. */
public record EnterpriseRow(long id, String name, String creditCode, String industryCode, String industryName,
                            long regionId, String regionName, String countyName, String address, EnterpriseScale scale,
                            EnterpriseStatus status, String principalName, String principalPhone,
                            String safetyManagerName, String safetyManagerPhone, boolean outsideRegion,
                            OffsetDateTime updatedAt) {
}
