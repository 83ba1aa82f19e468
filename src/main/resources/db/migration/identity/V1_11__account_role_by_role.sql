-- Whom to tell looks accounts up by role (all dispatch desks, a department's handlers): an index
-- on the role, as the primary key leads with the account.
CREATE INDEX account_role_by_role ON account_role (role, account_id);
