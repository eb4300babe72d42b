-- The record of another module a hazard was handed over from (Hazards.openFrom): module, kind of record, id.
-- Set once when the hazard is reported; carried by the HazardClosed event.
ALTER TABLE hazard ADD COLUMN origin_module VARCHAR(40);
ALTER TABLE hazard ADD COLUMN origin_kind VARCHAR(40);
ALTER TABLE hazard ADD COLUMN origin_id BIGINT;
CREATE INDEX ix_hazard_origin ON hazard (origin_module, origin_kind, origin_id);
