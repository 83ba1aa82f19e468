-- When the supervision scan next needs to look at a request (a reminder, a deadline, the next
-- supervision level, the end of the follow-up): kept with every change, so the scan reads only the
-- requests that are due instead of every open one. Open and resolved requests are looked at once.
ALTER TABLE ticket ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;
UPDATE ticket SET next_check_at = submitted_at
WHERE state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_STUDENT', 'RETURNED', 'REOPENED', 'RESOLVED');
CREATE INDEX ticket_by_next_check ON ticket (next_check_at);
