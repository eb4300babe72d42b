-- The proof of a seizure's disposition as a file beside its text: a photo, a PDF or a Word document, checked by its bytes.
CREATE TABLE traffic_seizure_proof (
    seizure_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES traffic_seizure (id),
    filename     VARCHAR(120) NOT NULL,
    content_type VARCHAR(80)  NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    content      BYTEA        NOT NULL
);
