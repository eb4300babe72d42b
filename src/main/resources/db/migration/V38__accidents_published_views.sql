-- What the accidents module publishes for other modules to read (statistics): each accident's time,
-- place in the city, industry and kind, casualties, loss and grade.
CREATE VIEW accidents_accident_view AS
    SELECT id, occurred_at, industry_code, kind_code, county_id, enterprise_id, deaths, missing, serious_injuries,
           minor_injuries, direct_loss_yuan, grade
    FROM accident;

CREATE VIEW accidents_kind_view AS
    SELECT code, name_zh, name_en, category, sort_order
    FROM accident_kind;
