-- Where a hazard was found, published for the public map of hazards under listed supervision.
CREATE OR REPLACE VIEW hazards_hazard_view AS
    SELECT id, code, source, enterprise_id, place, industry_code, description, grade, status, department_id, county_id,
           deadline, open_deadline, reported_at, closed_at, accepted_by_department, lon, lat
    FROM hazard;
