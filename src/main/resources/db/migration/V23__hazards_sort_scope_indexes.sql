-- The register of one county or one department sorted by deadline or by grade: its first pages
-- are read from an index in that order (stopping after a page of matches), not sorted from all.
CREATE INDEX ix_hazard_county_deadline ON hazard (county_id, deadline, id);
CREATE INDEX ix_hazard_department_deadline ON hazard (department_id, deadline, id);
CREATE INDEX ix_hazard_county_grade ON hazard (county_id, grade, id);
