-- Where in the county an accident happened (the township or street), and for a road-traffic accident
-- its main cause, which the situation report counts apart: the share of deaths caused by drunk
-- driving, illegal carrying, motorcycle violations and unlicensed or unregistered vehicles.
ALTER TABLE accident ADD COLUMN township_id BIGINT REFERENCES region (id);
ALTER TABLE accident ADD COLUMN road_cause VARCHAR(20);

CREATE TABLE accident_road_cause (
    code       VARCHAR(20) NOT NULL PRIMARY KEY,
    name_zh    VARCHAR(40) NOT NULL,
    name_en    VARCHAR(60) NOT NULL,
    -- the four causes the speech names together; OTHER is everything else
    named      BOOLEAN     NOT NULL,
    sort_order INT         NOT NULL
);
INSERT INTO accident_road_cause (code, name_zh, name_en, named, sort_order) VALUES
 ('DRUNK_DRIVING', '酒驾醉驾', 'Drunk driving', TRUE, 1),
 ('ILLEGAL_CARRYING', '违法载人', 'Illegal carrying of passengers', TRUE, 2),
 ('MOTORCYCLE', '摩托车违法', 'Motorcycle violations', TRUE, 3),
 ('UNLICENSED', '无牌无证', 'Unlicensed or unregistered vehicles', TRUE, 4),
 ('OTHER', '其他原因', 'Other causes', FALSE, 5);

ALTER TABLE accident ADD CONSTRAINT fk_accident_road_cause FOREIGN KEY (road_cause) REFERENCES accident_road_cause (code);
CREATE INDEX ix_accident_township ON accident (township_id);

-- The grades' names, so that a table by grade reads them from the same row as their thresholds.
ALTER TABLE accident_grade_threshold ADD COLUMN name_zh VARCHAR(20);
ALTER TABLE accident_grade_threshold ADD COLUMN name_en VARCHAR(40);
UPDATE accident_grade_threshold SET name_zh = '一般事故', name_en = 'Ordinary' WHERE grade = 'GENERAL';
UPDATE accident_grade_threshold SET name_zh = '较大事故', name_en = 'Major' WHERE grade = 'LARGER';
UPDATE accident_grade_threshold SET name_zh = '重大事故', name_en = 'Serious' WHERE grade = 'MAJOR';
UPDATE accident_grade_threshold SET name_zh = '特别重大事故', name_en = 'Extraordinarily serious' WHERE grade = 'ESPECIALLY_MAJOR';
ALTER TABLE accident_grade_threshold ALTER COLUMN name_zh SET NOT NULL;
ALTER TABLE accident_grade_threshold ALTER COLUMN name_en SET NOT NULL;

DROP VIEW accidents_accident_view;
CREATE VIEW accidents_accident_view AS
    SELECT id, occurred_at, industry_code, kind_code, county_id, township_id, enterprise_id, deaths, missing, serious_injuries,
           minor_injuries, direct_loss_yuan, grade, road_cause
    FROM accident;

CREATE VIEW accidents_grade_view AS
    SELECT grade AS code, name_zh, name_en, rank_order AS sort_order
    FROM accident_grade_threshold;

CREATE VIEW accidents_road_cause_view AS
    SELECT code, name_zh, name_en, named, sort_order
    FROM accident_road_cause;
