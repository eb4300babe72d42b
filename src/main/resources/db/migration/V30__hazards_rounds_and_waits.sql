-- The round of work a hazard is in (a reopening by 回头看 starts the next), and since when it has
-- been in its present status: the supervision ladder climbs every wait, not only the rectification.
ALTER TABLE hazard ADD COLUMN work_round INT NOT NULL DEFAULT 1;
ALTER TABLE hazard ADD COLUMN status_since TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
UPDATE hazard SET status_since = COALESCE(closed_at, reported_at);
ALTER TABLE hazard ALTER COLUMN status_since SET NOT NULL;
CREATE INDEX ix_hazard_status_since ON hazard (status, status_since);

CREATE OR REPLACE VIEW hazards_hazard_view AS
    SELECT id, code, source, enterprise_id, place, industry_code, description, grade, status, department_id, county_id,
           deadline, open_deadline, reported_at, closed_at, accepted_by_department, lon, lat,
           accepted_unit_kind, accepted_unit_id, acceptance_on_site, acceptance_date, work_round, status_since
    FROM hazard;
