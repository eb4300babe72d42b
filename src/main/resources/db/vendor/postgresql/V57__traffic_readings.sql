-- Weigh-in-motion readings (PostgreSQL): partitioned by month on the time measured, so a query that names
-- its time range reads only the months in it, and old months are cleared by the retention job. The
-- application creates each month's partition ahead through traffic_reading_partition (it runs with the
-- rights of the schema owner, so the application's own role needs no DDL right); a reading outside every
-- partition lands in the default one.
CREATE SEQUENCE traffic_reading_id_seq CACHE 100;
CREATE TABLE traffic_reading (
    id               BIGINT       NOT NULL DEFAULT nextval('traffic_reading_id_seq'),
    station_id       BIGINT       NOT NULL,
    seq              BIGINT       NOT NULL,
    measured_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    plate            VARCHAR(12)  NOT NULL,
    plate_colour     VARCHAR(12)  NOT NULL,
    combination      BOOLEAN      NOT NULL,
    axle_count       SMALLINT     NOT NULL,
    -- per axle in order: weights in kg, tyres (S single, D dual, W wide), drive (1) or not (0)
    axle_kg          VARCHAR(140) NOT NULL,
    axle_tyres       VARCHAR(20)  NOT NULL,
    axle_drive       VARCHAR(20)  NOT NULL,
    gross_kg         INT          NOT NULL,
    length_m         NUMERIC(5,2) NOT NULL,
    width_m          NUMERIC(4,2) NOT NULL,
    height_m         NUMERIC(4,2) NOT NULL,
    speed_kmh        NUMERIC(5,1) NOT NULL,
    lane             SMALLINT     NOT NULL,
    photo_ref        VARCHAR(200),
    -- the judgment (OverLimitPolicy), stored whole so its page explains it line by line
    rule_code        VARCHAR(32)  NOT NULL,
    table_limit_kg   INT          NOT NULL,
    single_tyre_axles SMALLINT    NOT NULL,
    axle_sum_kg      INT          NOT NULL,
    limit_kg         INT          NOT NULL,
    tolerance_kg     INT          NOT NULL,
    over_limit       BOOLEAN      NOT NULL,
    overload_kg      INT          NOT NULL,
    overload_rate    NUMERIC(7,4) NOT NULL,
    oversize         VARCHAR(30),
    -- over the mass or a size limit: the reading opened a case and outlives the retention
    opens_case       BOOLEAN      NOT NULL,
    PRIMARY KEY (id, measured_at),
    CONSTRAINT traffic_reading_once UNIQUE (station_id, seq, measured_at)
) PARTITION BY RANGE (measured_at);
ALTER SEQUENCE traffic_reading_id_seq OWNED BY traffic_reading.id;
CREATE INDEX traffic_reading_time ON traffic_reading (measured_at, station_id);
CREATE TABLE traffic_reading_default PARTITION OF traffic_reading DEFAULT;

CREATE FUNCTION traffic_reading_partition(p_name TEXT, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ) RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF p_name !~ '^traffic_reading_p[0-9]{6}$' OR p_to <= p_from THEN
        RAISE EXCEPTION 'invalid partition % [%, %)', p_name, p_from, p_to;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_class WHERE relname = p_name) THEN
        RETURN FALSE;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF traffic_reading FOR VALUES FROM (%L) TO (%L)', p_name, p_from, p_to);
    RETURN TRUE;
END
$$;
