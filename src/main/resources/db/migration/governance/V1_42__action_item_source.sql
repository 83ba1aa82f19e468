-- An action item may come from somewhere other than a meeting (a hot spot of insights): then it has
-- no meeting and says where it came from in `source`.
ALTER TABLE action_item ALTER COLUMN meeting_id DROP NOT NULL;
ALTER TABLE action_item ADD COLUMN source VARCHAR(200);
ALTER TABLE action_item ADD CONSTRAINT action_item_has_origin CHECK (meeting_id IS NOT NULL OR source IS NOT NULL);
