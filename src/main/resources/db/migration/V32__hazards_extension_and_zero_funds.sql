-- 延期: one extension of the rectification deadline, asked with a reason and decided by the assigning
-- unit; and a plan whose measures cost nothing says why its funds are zero.
ALTER TABLE hazard ADD COLUMN plan_funds_note VARCHAR(300);
ALTER TABLE hazard ADD COLUMN extension_state VARCHAR(10);
ALTER TABLE hazard ADD COLUMN extension_deadline DATE;
ALTER TABLE hazard ADD COLUMN extension_reason VARCHAR(300);
ALTER TABLE hazard ADD COLUMN extension_requested_by VARCHAR(64);
ALTER TABLE hazard ADD COLUMN extension_decided_by VARCHAR(64);
ALTER TABLE hazard ADD COLUMN extension_note VARCHAR(300);
