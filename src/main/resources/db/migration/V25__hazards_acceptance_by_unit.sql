-- Acceptance credited to the unit that accepted it (the city office, a county or township, a
-- department), with the on-site record of a major hazard: its day, the inspectors, their findings.

ALTER TABLE hazard ADD COLUMN accepted_unit_kind VARCHAR(12);
ALTER TABLE hazard ADD COLUMN accepted_unit_id BIGINT;
ALTER TABLE hazard ADD COLUMN acceptance_on_site BOOLEAN;
ALTER TABLE hazard ADD COLUMN acceptance_date DATE;
ALTER TABLE hazard ADD COLUMN acceptance_inspectors VARCHAR(200);
ALTER TABLE hazard ADD COLUMN acceptance_findings VARCHAR(2000);

-- the demo and earlier closures: accepted by the department they were credited to
UPDATE hazard SET accepted_unit_kind = 'DEPARTMENT', accepted_unit_id = accepted_by_department, acceptance_on_site = FALSE
WHERE status = 'CLOSED' AND accepted_by_department IS NOT NULL;

CREATE OR REPLACE VIEW hazards_hazard_view AS
    SELECT id, code, source, enterprise_id, place, industry_code, description, grade, status, department_id, county_id,
           deadline, open_deadline, reported_at, closed_at, accepted_by_department, lon, lat,
           accepted_unit_kind, accepted_unit_id, acceptance_on_site, acceptance_date
    FROM hazard;
