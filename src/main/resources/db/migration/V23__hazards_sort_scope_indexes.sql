-- The register of one county or one department, filtered by status (its usual view) and sorted by
-- deadline: its first pages are read from an index in that order, not sorted from every match.
-- Sorted by grade it uses the (county or department, status, grade, id) indexes of V9.
CREATE INDEX ix_hazard_county_status_deadline ON hazard (county_id, status, deadline, id);
CREATE INDEX ix_hazard_department_status_deadline ON hazard (department_id, status, deadline, id);
