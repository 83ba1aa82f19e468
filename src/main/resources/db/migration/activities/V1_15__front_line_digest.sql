-- Leaders' front line (一线规则): when every request raised at an activity has ended, its attendees
-- get one digest of what was done. One row per activity records that it went (and to how many), so
-- that it goes once and no issue is added to a loop already reported closed.
CREATE TABLE front_line_digest (
    activity_id BIGINT NOT NULL PRIMARY KEY REFERENCES activity (id),
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients  INT    NOT NULL,
    requests    INT    NOT NULL
);
