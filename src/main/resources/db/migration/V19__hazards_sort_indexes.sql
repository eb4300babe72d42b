-- The register sorted by deadline or by grade reads its first pages from an index in that order
-- (read backwards for the other direction) instead of sorting every match.
CREATE INDEX ix_hazard_deadline_order ON hazard (deadline, id);
CREATE INDEX ix_hazard_grade_order ON hazard (grade, id);
