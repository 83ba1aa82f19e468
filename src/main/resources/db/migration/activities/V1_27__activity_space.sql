-- The community space an activity reserves (spaces module), if any: its booking there carries the
-- activity's id and times, under the same rules as every other booking of the space.
ALTER TABLE activity ADD COLUMN space_id BIGINT;
