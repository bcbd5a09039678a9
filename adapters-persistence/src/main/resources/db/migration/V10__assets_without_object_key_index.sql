-- No unique index on assets.object_key (issue 15: a create wrote a B-tree entry per asset into it, its random keys
-- spread over the whole index, and H2 checked each insert for uniqueness). It guarded nothing the ids do not: every
-- key the server makes holds its asset's id (raw|sealed|derived/<owner>/<asset>/<name>, since V1), and an Asset
-- refuses a key naming another asset, so two assets cannot share one. The one query by key finds the asset by that
-- id, its primary key, and compares the key on the row.
ALTER TABLE assets DROP CONSTRAINT assets_object_key_unique;
