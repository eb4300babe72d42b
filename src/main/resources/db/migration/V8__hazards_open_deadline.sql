-- The deadline of a hazard still being rectified, NULL once it is closed or before it is assigned.
-- "Overdue" filters and the escalation sweep use it as a plain range on one indexed column.
ALTER TABLE hazard ADD COLUMN open_deadline DATE;
UPDATE hazard SET open_deadline = deadline WHERE status IN ('ASSIGNED', 'RECTIFYING', 'SUBMITTED');
CREATE INDEX ix_hazard_open_deadline ON hazard (grade, open_deadline);
CREATE INDEX ix_hazard_county_open ON hazard (county_id, open_deadline);
CREATE INDEX ix_hazard_department_open ON hazard (department_id, open_deadline);
DROP INDEX ix_hazard_status_deadline;
