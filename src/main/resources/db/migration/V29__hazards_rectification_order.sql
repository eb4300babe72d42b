-- 责令限期整改指令书: issued once, numbered by the issuing unit per year, with the inspectors and their certificates.
ALTER TABLE hazard ADD COLUMN order_number VARCHAR(60);
ALTER TABLE hazard ADD COLUMN order_unit_kind VARCHAR(12);
ALTER TABLE hazard ADD COLUMN order_unit_id BIGINT;
ALTER TABLE hazard ADD COLUMN order_issued_on DATE;
ALTER TABLE hazard ADD COLUMN order_inspectors VARCHAR(300);
