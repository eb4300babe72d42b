-- Acceptance by the right unit: the unit that found a hazard on inspection re-checks it (复查); an
-- enterprise closes a general hazard it found itself, a share of which officials spot-check in
-- 回头看; a stop order and the written application to resume with its review; 双报告 to the workers.
ALTER TABLE hazard ADD COLUMN found_unit_kind VARCHAR(12);
ALTER TABLE hazard ADD COLUMN found_unit_id BIGINT;
ALTER TABLE hazard ADD COLUMN spot_check BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE hazard ADD COLUMN stop_ordered_on DATE;
ALTER TABLE hazard ADD COLUMN stop_order_note VARCHAR(300);
ALTER TABLE hazard ADD COLUMN resumption_applied_on DATE;
ALTER TABLE hazard ADD COLUMN resumption_application VARCHAR(1000);
ALTER TABLE hazard ADD COLUMN resumption_reviewed_on DATE;
ALTER TABLE hazard ADD COLUMN resumption_result VARCHAR(10);
ALTER TABLE hazard ADD COLUMN resumption_review_note VARCHAR(1000);
ALTER TABLE hazard ADD COLUMN workers_reported_on DATE;
ALTER TABLE hazard ADD COLUMN workers_report_note VARCHAR(300);

CREATE OR REPLACE VIEW hazards_hazard_view AS
    SELECT id, code, source, enterprise_id, place, industry_code, description, grade, status, department_id, county_id,
           deadline, open_deadline, reported_at, closed_at, accepted_by_department, lon, lat,
           accepted_unit_kind, accepted_unit_id, acceptance_on_site, acceptance_date, work_round, status_since, spot_check
    FROM hazard;
