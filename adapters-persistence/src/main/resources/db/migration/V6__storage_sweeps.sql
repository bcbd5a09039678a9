-- When an asset last changed after its upload ended, until the janitor has swept its stored objects since
-- (the upload copy, multipart leftovers, and everything of an asset that ended without being kept).
-- NULL: nothing to sweep (still uploading, or swept since its last change).
ALTER TABLE assets ADD COLUMN unswept_since TIMESTAMP WITH TIME ZONE;
UPDATE assets SET unswept_since = updated_at WHERE stage <> 'UPLOADING';
CREATE INDEX assets_unswept ON assets (unswept_since);
