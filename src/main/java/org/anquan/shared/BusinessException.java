package org.anquan.shared;

/**
 * A rule the user broke. Carries a message key (and arguments) so the web layer can answer in
 * the user's language; nothing has been changed when it is thrown.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public BusinessException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
