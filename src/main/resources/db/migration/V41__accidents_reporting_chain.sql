-- The reporting chain above the county: each level passes the report up within the limit (2 hours),
-- as far as the grade requires (一般 to the city, 较大 to the province, 重大 and above beyond).
CREATE TABLE accident_hop (
    accident_id BIGINT      NOT NULL REFERENCES accident (id),
    hop         VARCHAR(20) NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    done_by     VARCHAR(64) NOT NULL,
    late        BOOLEAN     NOT NULL,
    CONSTRAINT pk_accident_hop PRIMARY KEY (accident_id, hop)
);
