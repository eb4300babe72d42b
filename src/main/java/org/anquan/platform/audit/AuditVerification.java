package org.anquan.platform.audit;

/**
 * The result of walking the chain.
 *
 * @param checked       how many records were read
 * @param firstBrokenId the first record whose hash or link does not match, or null when intact
 */
public record AuditVerification(long checked, Long firstBrokenId) implements java.io.Serializable {

    public boolean intact() {
        return firstBrokenId == null;
    }
}
