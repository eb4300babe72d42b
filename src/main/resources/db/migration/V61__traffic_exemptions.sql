-- Order 62 Art. 3 exemptions, held as data: a tractor, farm vehicle or low-speed truck is judged by the gross
-- mass on its licence (LICENCE_MASS); a refrigerated vehicle, a combination, a vehicle with air suspension or a
-- special work vehicle that complies with GB 1589 is not treated as over-limit by its mass (its size still is).
CREATE TABLE traffic_exemption (
    plate            VARCHAR(12)  NOT NULL PRIMARY KEY,
    reason           VARCHAR(20)  NOT NULL,
    licence_gross_kg INT,
    valid_from       DATE         NOT NULL,
    valid_to         DATE         NOT NULL,
    -- the document it rests on: the licence, the GB 1589 compliance certificate
    basis            VARCHAR(200) NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT traffic_exemption_licence CHECK ((reason = 'LICENCE_MASS') = (licence_gross_kg IS NOT NULL)),
    CONSTRAINT traffic_exemption_period CHECK (valid_to >= valid_from)
);
