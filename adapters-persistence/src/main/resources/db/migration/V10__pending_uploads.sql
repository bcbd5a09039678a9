-- Each user's uploads still waiting for their bytes (stage UPLOADING), kept as one row: a batch create reads its
-- sender's quota from it in one lookup instead of counting and summing every pending asset (11 % of a create's CPU on
-- H2, issue 15). Maintained in the transaction of every asset write (JdbiMessages.add and update); an asset counts
-- (1, file_size) while it is uploading. The earliest deadline is not kept: a refusal reads the assets themselves.
CREATE TABLE pending_uploads (
    owner_id BIGINT PRIMARY KEY,
    uploads  BIGINT NOT NULL,
    bytes    BIGINT NOT NULL
);

INSERT INTO pending_uploads (owner_id, uploads, bytes)
SELECT owner_id, COUNT(*), CAST(COALESCE(SUM(file_size), 0) AS BIGINT)
FROM assets WHERE stage = 'UPLOADING'
GROUP BY owner_id;
