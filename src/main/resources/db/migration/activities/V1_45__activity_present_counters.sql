-- Present attendances and their hours per activity, kept by every attendance write in the same
-- transaction (CheckIns, Attendances), so counts over many activities (ActivityCounts, the leader
-- dashboard, the governance report) read one row per activity instead of every attendance.
ALTER TABLE activity ADD COLUMN present INT NOT NULL DEFAULT 0;
ALTER TABLE activity ADD COLUMN present_hours DECIMAL(12, 1) NOT NULL DEFAULT 0;
UPDATE activity SET
    present = (SELECT count(*) FROM attendance t WHERE t.activity_id = activity.id AND t.state = 'PRESENT'),
    present_hours = (SELECT COALESCE(sum(t.hours), 0) FROM attendance t WHERE t.activity_id = activity.id AND t.state = 'PRESENT');
