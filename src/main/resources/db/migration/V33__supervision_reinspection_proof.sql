-- 回头看 that can be proved: the population a draw was made from and the hashes of the population
-- and of the sample are stored with the seed, so a replay can be compared with them; a drawn item
-- records the unit that accepted the hazard.
ALTER TABLE reinspection_draw ADD COLUMN population_ids TEXT;
ALTER TABLE reinspection_draw ADD COLUMN population_hash VARCHAR(64);
ALTER TABLE reinspection_draw ADD COLUMN sample_hash VARCHAR(64);
ALTER TABLE reinspection_item ADD COLUMN accepted_unit_kind VARCHAR(12);
ALTER TABLE reinspection_item ADD COLUMN accepted_unit_id BIGINT;
