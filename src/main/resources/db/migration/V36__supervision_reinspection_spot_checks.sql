-- A draw also takes the hazards an enterprise closed itself that were chosen for a spot check; they are stored with it.
ALTER TABLE reinspection_draw ADD COLUMN spot_ids TEXT;
