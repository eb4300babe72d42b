package org.anquan.hazards.register;

import org.anquan.shared.BusinessException;

/** A transition the hazard's rules do not allow; nothing has changed. */
class HazardRuleException extends BusinessException {

    public HazardRuleException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
