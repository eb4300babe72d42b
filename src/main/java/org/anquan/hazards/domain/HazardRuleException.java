package org.anquan.hazards.domain;

import org.anquan.shared.BusinessException;

/** A transition the hazard's rules do not allow; nothing has changed. */
public class HazardRuleException extends BusinessException {

    public HazardRuleException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
