-- With id last, the register's usual filters (county or department + status + grade) are answered
-- newest first from a range of the index, so a page reads a window of ids instead of every match.
DROP INDEX ix_hazard_county_status;
DROP INDEX ix_hazard_department_status;
CREATE INDEX ix_hazard_county_status ON hazard (county_id, status, grade, id);
CREATE INDEX ix_hazard_department_status ON hazard (department_id, status, grade, id);
