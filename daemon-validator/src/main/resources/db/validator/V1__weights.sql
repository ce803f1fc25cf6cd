-- The validator's own tables (the queue's are migrated by the queue library, db/queue).

-- Weight snapshots received from the backend (set_weights) or polled in lite mode (GET /weights).
-- Stored before set_weights is acked; the weights duty applies the newest unexpired one.
CREATE TABLE validator_weights_snapshot (
    message_id   uuid        PRIMARY KEY,
    snapshot_id  text        NOT NULL,
    netuid       integer     NOT NULL,
    computed_at  timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    entries      text        NOT NULL,
    source       text        NOT NULL,
    received_at  timestamptz NOT NULL,
    applied_at   timestamptz,
    last_error   text,
    CONSTRAINT validator_weights_snapshot_source CHECK (source IN ('backend', 'lite'))
);

CREATE INDEX validator_weights_snapshot_newest ON validator_weights_snapshot (netuid, computed_at DESC);

-- Commit-reveal v2: what was committed, so the reveal survives a restart.
CREATE TABLE validator_weight_commit (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    netuid              integer     NOT NULL,
    snapshot_message_id uuid        NOT NULL REFERENCES validator_weights_snapshot (message_id),
    uids                integer[]   NOT NULL,
    weights             integer[]   NOT NULL,
    salt                integer[]   NOT NULL,
    version_key         bigint      NOT NULL,
    commit_hash         bytea       NOT NULL,
    commit_block        bigint      NOT NULL,
    reveal_epoch        bigint      NOT NULL,
    state               text        NOT NULL,
    created_at          timestamptz NOT NULL,
    finished_at         timestamptz,
    CONSTRAINT validator_weight_commit_state CHECK (state IN ('COMMITTED', 'REVEALED', 'EXPIRED'))
);

CREATE INDEX validator_weight_commit_open ON validator_weight_commit (netuid) WHERE state = 'COMMITTED';
