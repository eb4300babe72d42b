-- 文号: the next number of each issuing unit, kind of document and year (〔2026〕3号)
CREATE TABLE document_number (
    issuer      VARCHAR(40) NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    issued_year INT         NOT NULL,
    last_number INT         NOT NULL,
    CONSTRAINT pk_document_number PRIMARY KEY (issuer, kind, issued_year)
);
