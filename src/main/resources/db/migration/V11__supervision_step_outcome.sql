-- The outcome of a supervision step: set by the system when the hazard is accepted and closed
-- (RECTIFIED), or recorded by the city office (an interview held, a case transferred).
ALTER TABLE supervision_step ADD COLUMN outcome_kind VARCHAR(20);
ALTER TABLE supervision_step ADD COLUMN outcome_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE supervision_step ADD COLUMN outcome_by VARCHAR(64);
