-- The investigation: the authority the grade names, its team, the report due 60 days after the
-- accident (one extension of at most 60 days, with a reason), and the government's reply to it,
-- due 15 days after the report (30 for 特别重大), extendable once by at most 30 days.
CREATE TABLE accident_investigation (
    accident_id       BIGINT        NOT NULL PRIMARY KEY REFERENCES accident (id),
    team              VARCHAR(1000) NOT NULL,
    started_on        DATE          NOT NULL,
    report_due        DATE          NOT NULL,
    extension_reason  VARCHAR(300),
    report_number     VARCHAR(100),
    report_on         DATE,
    reply_due         DATE,
    reply_extended    BOOLEAN       NOT NULL DEFAULT FALSE,
    reply_number      VARCHAR(100),
    reply_on          DATE,
    version           INT           NOT NULL DEFAULT 0
);
