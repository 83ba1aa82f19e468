-- What a transcript certified, activity by activity, as it stood when it was issued: printing it
-- again later shows the same record even when attendance changed since (an appeal restored, say).
CREATE TABLE transcript_entry (
    code        VARCHAR(32)   NOT NULL REFERENCES transcript (code),
    activity_id BIGINT        NOT NULL REFERENCES activity (id),
    hours       DECIMAL(5, 1) NOT NULL,
    credits     DECIMAL(4, 1) NOT NULL,
    PRIMARY KEY (code, activity_id)
);
