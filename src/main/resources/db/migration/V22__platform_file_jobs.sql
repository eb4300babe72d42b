-- Exports and imports too long for one request run in the background: their progress, what came of
-- them in words (an import's summary, a refusal) and, when done, the file (the export, the import's
-- rejected rows),
-- kept a day for the person who started them, on whichever instance they come back to.
CREATE TABLE file_job (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    title        VARCHAR(200) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    done_rows    BIGINT       NOT NULL DEFAULT 0,
    total_rows   BIGINT       NOT NULL DEFAULT 0,
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    content      BYTEA,
    error        VARCHAR(300),
    message      VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fk_file_job_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);
CREATE INDEX ix_file_job_account ON file_job (account_id, created_at);
