-- Each month's accidents summed by county, industry, kind and grade: statistics read whole months of
-- a period from here (a few hundred rows a month) and only the days at its ends from the accidents.
-- Kept by the accidents module after every report and supplementary report, and rebuilt whole at
-- start-up when empty; months are the city's (the application knows its zone, the database does not).
CREATE TABLE accident_month (
    month_start    DATE        NOT NULL,
    county_id      BIGINT      NOT NULL,
    industry_code  VARCHAR(32) NOT NULL,
    kind_code      VARCHAR(24) NOT NULL,
    grade          VARCHAR(20) NOT NULL,
    accidents      INT         NOT NULL,
    deaths         BIGINT      NOT NULL,
    injuries       BIGINT      NOT NULL,
    loss           BIGINT      NOT NULL,
    CONSTRAINT pk_accident_month PRIMARY KEY (month_start, county_id, industry_code, kind_code, grade)
);

CREATE VIEW accidents_month_view AS
    SELECT month_start, county_id, industry_code, kind_code, grade, accidents, deaths, injuries, loss
    FROM accident_month;
