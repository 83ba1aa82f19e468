-- KPI rollup (DESIGN §5). A request that can no longer change its figures (CLOSED, WITHDRAWN,
-- MERGED) is added once to the cells of its submission day and month, for each breakdown
-- (TOTAL, CATEGORY, DEPARTMENT, COLLEGE, BUILDING, FLOOR), for its department and for all
-- departments (department_id -1; 0 = no department), and marked kpi_rolled. A KPI query reads
-- the cells of the period plus the requests not rolled yet, in one snapshot, so its figures are
-- always those of a plain recount. The minutes of first response and of resolution are kept as
-- exact histograms (1-minute buckets, varint-encoded (delta minutes, count) pairs) so medians
-- stay exact.
ALTER TABLE ticket ADD COLUMN kpi_rolled BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ticket_by_kpi_rolled ON ticket (kpi_rolled, submitted_at);

CREATE TABLE ticket_kpi_cell (
    grain              CHAR(1)     NOT NULL,
    dimension          VARCHAR(16) NOT NULL,
    department_id      BIGINT      NOT NULL,
    period_start       DATE        NOT NULL,
    group_key          VARCHAR(40) NOT NULL,
    requests           INT         NOT NULL,
    responded          INT         NOT NULL,
    responded_on_time  INT         NOT NULL,
    resolved           INT         NOT NULL,
    resolved_on_time   INT         NOT NULL,
    followed_up        INT         NOT NULL,
    contacted          INT         NOT NULL,
    solved             INT         NOT NULL,
    satisfied          INT         NOT NULL,
    returned           INT         NOT NULL,
    reopened           INT         NOT NULL,
    supervised         INT         NOT NULL,
    response_minutes   BYTEA       NOT NULL,
    resolution_minutes BYTEA       NOT NULL,
    CONSTRAINT ticket_kpi_cell_pk PRIMARY KEY (grain, dimension, department_id, period_start, group_key),
    CONSTRAINT ticket_kpi_cell_grain_check CHECK (grain IN ('D', 'M'))
);

-- One row: whoever rolls up holds its lock, so two nodes never add the same request twice.
CREATE TABLE ticket_kpi_rollup (
    id        INT NOT NULL PRIMARY KEY,
    rolled_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO ticket_kpi_rollup (id) VALUES (1);
