-- Motor vehicles and licensed drivers of each county at the end of each year, as the traffic police
-- give them: entered or imported by the city and county offices, for the growth the speech cites
-- (年均复合增长率).
CREATE TABLE statistics_motor_count (
    county_id   BIGINT      NOT NULL REFERENCES region (id),
    stat_year   INT         NOT NULL,
    vehicles    BIGINT      NOT NULL,
    drivers     BIGINT      NOT NULL,
    entered_by  VARCHAR(64) NOT NULL,
    entered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_statistics_motor_count PRIMARY KEY (county_id, stat_year),
    CONSTRAINT ck_statistics_motor_count CHECK (vehicles >= 0 AND drivers >= 0 AND stat_year BETWEEN 1949 AND 2200)
);
