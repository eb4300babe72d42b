package org.anquan.platform.audit;

import java.io.Serializable;

/**
 * The result of walking the chain.
 *
 * @param checked       how many records were read
 * @param firstBrokenId the first record whose hash or link does not match, or null when intact
 */
public record AuditVerification(long checked, Long firstBrokenId) implements Serializable {

    public boolean intact() {
        return firstBrokenId == null;
    }
}
