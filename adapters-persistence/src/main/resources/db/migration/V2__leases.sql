-- Named leases: which node runs a singleton chore (the janitor) until when.
CREATE TABLE leases (
    name        VARCHAR(64)              NOT NULL PRIMARY KEY,
    holder      VARCHAR(200)             NOT NULL,
    held_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
