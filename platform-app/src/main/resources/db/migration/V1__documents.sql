-- The documents, their processing state and analysis. The content waits in `content` until a worker has
-- processed the document, so any replica can process what another accepted; it is dropped afterwards.
CREATE TABLE documents (
    id           text        PRIMARY KEY,
    name         text        NOT NULL,
    type         text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
    content_hash char(64)    NOT NULL,
    status       text        NOT NULL CHECK (status IN ('QUEUED', 'PROCESSING', 'DONE', 'FAILED')),
    submitted_at timestamptz NOT NULL,
    -- when the status last changed: the sweeper queues again what has been QUEUED or PROCESSING for too long
    updated_at   timestamptz NOT NULL,
    completed_at timestamptz,
    analysis     jsonb,
    error        text,
    content      bytea,
    -- the W3C traceparent of the request that submitted it: its processing continues that trace
    trace_parent text,
    -- how often a worker took the document: more than 1 only after an instance stopped while processing it
    attempts     integer     NOT NULL DEFAULT 0
);

CREATE INDEX documents_newest_first ON documents (submitted_at DESC, id DESC);
CREATE INDEX documents_waiting ON documents (updated_at) WHERE status IN ('QUEUED', 'PROCESSING');
