-- What the hazards module publishes for other modules to read (supervision's sweep, inbox, 回头看).
-- Which statuses climb the escalation ladder is not decided here: the Hazards facade names them.
CREATE VIEW hazards_hazard_view AS
    SELECT id, code, source, enterprise_id, place, industry_code, description, grade, status, department_id, county_id,
           deadline, open_deadline, reported_at, closed_at, accepted_by_department
    FROM hazard;
