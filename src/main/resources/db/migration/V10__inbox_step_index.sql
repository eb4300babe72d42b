-- Index the inbox's reference to its supervision step: without it, every deleted or re-keyed
-- step makes the database scan the whole inbox to check the reference.
CREATE INDEX ix_inbox_step ON inbox_message (step_id);
