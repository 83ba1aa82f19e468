-- Counts of present attendances and their hours per activity (ActivityCounts, the leader
-- dashboard): read from this index alone (an index-only scan on PostgreSQL), never from the
-- attendance rows, whatever their number.
CREATE INDEX attendance_by_activity_present ON attendance (activity_id, state, hours);
