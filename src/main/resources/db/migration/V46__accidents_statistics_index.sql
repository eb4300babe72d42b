-- Statistics read the accidents of a period and the same days a year before: one index range on the
-- time that also holds every column they sum or group by, so the wide rows (scene, account, measures)
-- are never read for a count.
CREATE INDEX ix_accident_statistics ON accident (occurred_at, county_id, industry_code, kind_code, grade, deaths, missing,
                                                 serious_injuries, minor_injuries, direct_loss_yuan, enterprise_id, township_id,
                                                 road_cause);
DROP INDEX ix_accident_time;
