-- A caption and alt text per item of an album, and the objects of a file a ready cell's replacement
-- superseded (a JSON array of object keys), kept until the new file settles.
ALTER TABLE assets ADD COLUMN caption VARCHAR(4096);
ALTER TABLE assets ADD COLUMN alt_text VARCHAR(4096);
ALTER TABLE assets ADD COLUMN superseded_keys VARCHAR(65536) DEFAULT '[]' NOT NULL;
