-- 四不放过: an accident closes only when the cause is established, the responsible handled, the
-- corrective measures carried out and the people concerned educated, each recorded with its evidence.
CREATE TABLE accident_gate (
    accident_id BIGINT        NOT NULL REFERENCES accident (id),
    gate        VARCHAR(12)   NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    evidence    VARCHAR(300)  NOT NULL,
    recorded_by VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_accident_gate PRIMARY KEY (accident_id, gate)
);
ALTER TABLE accident ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE accident ADD COLUMN closed_by VARCHAR(64);
