-- A batch create reads its sender's pending uploads (how many, their bytes, the earliest deadline): with the size
-- and the deadline in the index, H2 answers from the index alone (it fetched every pending asset's row for them,
-- 7 % of a create's CPU, issue 15) and PostgreSQL can scan it index-only.
DROP INDEX assets_by_owner_stage;
CREATE INDEX assets_pending_by_owner ON assets (owner_id, stage, expires_at, file_size);
