-- The raw key (and multipart upload) of a file another one replaced, from when it was replaced until the
-- janitor has deleted it once none of its upload URLs can still write (S3 and GCS cannot refuse a late PUT).
CREATE TABLE retired_uploads (
    object_key  VARCHAR(1024) PRIMARY KEY,
    upload_id   VARCHAR(1024),
    retired_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retired_uploads_due ON retired_uploads (retired_at);
