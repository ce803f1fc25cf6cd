-- Durable queue shared by the validator and the evaluator (docs/decisions/0008-durable-queue-library.md).
-- Times are written by the application from its injected clock, never by now(), so tests can
-- drive them and every process compares like with like.

-- Work handed from the validator to the evaluator. One row per (queue, job id); a re-enqueue of
-- the same id is a no-op, so redeliveries from the backend are harmless.
CREATE TABLE kq_job (
    queue_name     text        NOT NULL,
    job_id         text        NOT NULL,
    payload        text        NOT NULL,
    state          text        NOT NULL,
    priority       integer     NOT NULL DEFAULT 0,
    run_at         timestamptz NOT NULL,
    attempts       integer     NOT NULL DEFAULT 0,
    max_attempts   integer     NOT NULL,
    owner          text,
    picked_at      timestamptz,
    last_heartbeat timestamptz,
    version        bigint      NOT NULL DEFAULT 0,
    last_error     text,
    created_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    PRIMARY KEY (queue_name, job_id),
    CONSTRAINT kq_job_state CHECK (state IN ('READY', 'RUNNING', 'DONE', 'PARKED')),
    CONSTRAINT kq_job_running_is_owned CHECK ((state = 'RUNNING') = (owner IS NOT NULL AND last_heartbeat IS NOT NULL)),
    CONSTRAINT kq_job_attempts CHECK (attempts >= 0 AND max_attempts >= 1)
);

-- The claim's inner SELECT walks this index in order and skips locked rows.
CREATE INDEX kq_job_ready ON kq_job (queue_name, priority DESC, run_at, created_at) WHERE state = 'READY';
-- The reaper looks only at running rows.
CREATE INDEX kq_job_running ON kq_job (last_heartbeat) WHERE state = 'RUNNING';

-- Messages to the backend (status updates, results, episodes, step batches), each under the
-- protocol message id it is sent with. Deleted when the backend acks that id.
CREATE TABLE kq_outbox (
    message_id      uuid        PRIMARY KEY,
    topic           text        NOT NULL,
    kind            text        NOT NULL,
    payload         text        NOT NULL,
    seq             bigint      GENERATED ALWAYS AS IDENTITY,
    state           text        NOT NULL DEFAULT 'PENDING',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    owner           text,
    version         bigint      NOT NULL DEFAULT 0,
    first_sent_at   timestamptz,
    last_sent_at    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT kq_outbox_state CHECK (state IN ('PENDING', 'PARKED'))
);

CREATE UNIQUE INDEX kq_outbox_seq ON kq_outbox (seq);
CREATE INDEX kq_outbox_due ON kq_outbox (topic, next_attempt_at, seq) WHERE state = 'PENDING';
