-- Steps of the ladder per round of work and per wait (stage): RECTIFY (the rectification deadline),
-- VERIFY, ASSIGN and ACCEPT (a report waiting to be verified, a verified one to be assigned, a
-- submitted one to be accepted). A supervision notice carries its document number: the notices of a
-- sweep take a block of the city office's numbers, each its place in the block (notice_seq).
ALTER TABLE supervision_step ADD COLUMN work_round INT NOT NULL DEFAULT 1;
ALTER TABLE supervision_step ADD COLUMN stage VARCHAR(12) NOT NULL DEFAULT 'RECTIFY';
ALTER TABLE supervision_step ADD COLUMN notice_seq INT;

CREATE TABLE supervision_notice_block (
    run_id       VARCHAR(36) NOT NULL PRIMARY KEY,
    -- the number of the block's first notice, e.g. 示安委办督〔2026〕 and 17: 示安委办督〔2026〕17号
    prefix       VARCHAR(40) NOT NULL,
    first_number INT         NOT NULL
);
ALTER TABLE supervision_step DROP CONSTRAINT uq_supervision_step;
ALTER TABLE supervision_step ADD CONSTRAINT uq_supervision_step UNIQUE (hazard_id, work_round, stage, level);
CREATE INDEX ix_supervision_step_unanswered ON supervision_step (level, answer_deadline);
