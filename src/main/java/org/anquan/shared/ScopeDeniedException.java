package org.anquan.shared;

/**
 * The record exists but lies outside the user's data scope. It answers 404 exactly like a record
 * that does not exist; the platform's error handlers write the attempt to the audit trail as
 * {@code SCOPE_DENIED}, so every such refusal is recorded the same way, wherever it is decided.
 */
public class ScopeDeniedException extends NotFoundException {

    private final String entityType;
    private final Object entityId;

    public ScopeDeniedException(String entityType, Object entityId) {
        super(entityType, entityId);
        this.entityType = entityType;
        this.entityId = entityId;
    }

    public String entityType() {
        return entityType;
    }

    public Object entityId() {
        return entityId;
    }
}
