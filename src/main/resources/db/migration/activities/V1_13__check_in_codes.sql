-- Check-in (签到): the secret that students' personal codes are signed with. Every node signs and
-- checks with the same one, so it lives here, not in a node's memory; the first node that needs it
-- creates it (INSERT … ON CONFLICT DO NOTHING) and every node reads back the one that won.
CREATE TABLE check_in_secret (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(128) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The approver's note on a late entry (补录) they approved or refused: the student and the organiser read it.
ALTER TABLE attendance ADD COLUMN decision_note VARCHAR(500);

-- The approvers' queue of late entries waiting for a decision, and the organisers' open appeals.
CREATE INDEX attendance_by_state ON attendance (state, checked_in_at);
CREATE INDEX attendance_appeal_by_activity ON attendance_appeal (activity_id, state);
