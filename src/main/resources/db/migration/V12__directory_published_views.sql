-- What the directory module publishes for other modules to read. Another module never names the
-- directory's tables: it joins these views (or asks the Directory facade), so the directory may
-- change its tables behind them. Read only: no module writes through a view.
CREATE VIEW directory_enterprise_view AS
    SELECT id, name, credit_code, industry_code, region_id, county_id, address, lon, lat, status
    FROM enterprise;

CREATE VIEW directory_region_view AS
    SELECT id, parent_id, code, name, region_level
    FROM region;

CREATE VIEW directory_department_view AS
    SELECT id, code, name, name_en
    FROM department;

CREATE VIEW directory_industry_view AS
    SELECT code, name_zh, name_en, sort_order
    FROM industry;

-- 管行业必须管安全: the lead department (lead = TRUE) and the co-supervisors of each industry
CREATE VIEW directory_responsibility_view AS
    SELECT industry_code, department_id, lead
    FROM responsibility;
