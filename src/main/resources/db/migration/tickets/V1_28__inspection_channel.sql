-- Repair requests raised by a dormitory inspection (community module) say so.
ALTER TABLE ticket DROP CONSTRAINT ticket_channel_check;
ALTER TABLE ticket ADD CONSTRAINT ticket_channel_check CHECK (channel IN ('ONLINE', 'IN_PERSON', 'PHONE', 'INSPECTION'));
