-- Kinitro backend schema, version 1.
--
-- Conventions:
--  * ids are 64-bit Snowflake values from the application's IdGenerator (never sequences), sent as
--    decimal strings in JSON;
--  * every instant is timestamptz (never a naive timestamp);
--  * enumerations are upper-case text with a CHECK, except candidate statuses (lower case, as on the
--    wire) and API key roles (lower case);
--  * JSON documents are jsonb with a CHECK on their top-level type;
--  * released migrations are never edited: add V2__..., V3__... instead.

-- ---------------------------------------------------------------------------------------------
-- Competitions
-- ---------------------------------------------------------------------------------------------
CREATE TABLE competitions (
    id                               bigint PRIMARY KEY,
    name                             varchar(256) NOT NULL,
    description                      text         NOT NULL DEFAULT '',
    -- list of benchmark specs (see competition.BenchmarkDefinition), validated against the
    -- environment registry before they are stored
    benchmarks                       jsonb        NOT NULL,
    points                           integer      NOT NULL,
    min_avg_reward                   double precision NOT NULL DEFAULT 0,
    win_margin_pct                   double precision NOT NULL DEFAULT 0.05,
    min_success_rate                 double precision NOT NULL DEFAULT 1.0,
    submission_holdout_seconds       bigint       NOT NULL DEFAULT 300,
    submission_max_size_bytes        bigint,
    submission_upload_window_seconds bigint,
    submission_uploads_per_window    integer,
    current_leader_hotkey            varchar(64),
    current_leader_reward            double precision,
    current_leader_candidate_id      bigint,
    leader_updated_at                timestamptz,
    active                           boolean      NOT NULL DEFAULT true,
    start_time                       timestamptz,
    end_time                         timestamptz,
    created_at                       timestamptz  NOT NULL DEFAULT now(),
    updated_at                       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT competitions_name_key UNIQUE (name),
    CONSTRAINT competitions_name_not_blank CHECK (length(btrim(name)) > 0),
    CONSTRAINT competitions_benchmarks_array CHECK (jsonb_typeof(benchmarks) = 'array' AND jsonb_array_length(benchmarks) > 0),
    CONSTRAINT competitions_points_positive CHECK (points > 0),
    CONSTRAINT competitions_win_margin_range CHECK (win_margin_pct >= 0),
    CONSTRAINT competitions_success_rate_range CHECK (min_success_rate >= 0 AND min_success_rate <= 1),
    CONSTRAINT competitions_holdout_non_negative CHECK (submission_holdout_seconds >= 0),
    CONSTRAINT competitions_max_size_positive CHECK (submission_max_size_bytes IS NULL OR submission_max_size_bytes > 0),
    CONSTRAINT competitions_window_positive CHECK (submission_upload_window_seconds IS NULL OR submission_upload_window_seconds > 0),
    CONSTRAINT competitions_per_window_positive CHECK (submission_uploads_per_window IS NULL OR submission_uploads_per_window > 0),
    CONSTRAINT competitions_rate_limit_pair CHECK ((submission_upload_window_seconds IS NULL) = (submission_uploads_per_window IS NULL)),
    CONSTRAINT competitions_time_order CHECK (start_time IS NULL OR end_time IS NULL OR end_time > start_time),
    CONSTRAINT competitions_leader_complete CHECK ((current_leader_hotkey IS NULL) = (leader_updated_at IS NULL))
);
CREATE INDEX competitions_active_created_idx ON competitions (active, created_at, id);

-- ---------------------------------------------------------------------------------------------
-- API keys (only the SHA-256 of the secret is stored)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE api_keys (
    id                bigint PRIMARY KEY,
    name              varchar(128) NOT NULL,
    description       text,
    key_hash          char(64)     NOT NULL,
    -- first characters of the secret, to recognise a key in listings (not enough to guess it)
    key_prefix        varchar(16)  NOT NULL,
    role              varchar(16)  NOT NULL,
    associated_hotkey varchar(64),
    active            boolean      NOT NULL DEFAULT true,
    expires_at        timestamptz,
    -- written at most once a minute per key
    last_used_at      timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_key_hash_hex CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT api_keys_role_valid CHECK (role IN ('admin', 'validator', 'viewer')),
    CONSTRAINT api_keys_name_not_blank CHECK (length(btrim(name)) > 0)
);
CREATE INDEX api_keys_created_idx ON api_keys (created_at, id);

-- ---------------------------------------------------------------------------------------------
-- Metagraph cache: hotkey <-> uid of the subnet (written by the chain monitor or by config)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE metagraph_neurons (
    uid              integer     PRIMARY KEY,
    hotkey           varchar(64) NOT NULL,
    validator_permit boolean     NOT NULL DEFAULT false,
    stake            double precision,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT metagraph_neurons_hotkey_key UNIQUE (hotkey),
    CONSTRAINT metagraph_neurons_uid_range CHECK (uid >= 0 AND uid <= 65535)
);

-- ---------------------------------------------------------------------------------------------
-- Validators and their connection state
-- ---------------------------------------------------------------------------------------------
CREATE TABLE validators (
    hotkey                 varchar(64) PRIMARY KEY,
    api_key_id             bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    connection_id          varchar(128),
    -- backend instance holding the socket (several backends may run)
    instance_id            varchar(64),
    connected              boolean     NOT NULL DEFAULT false,
    first_connected_at     timestamptz,
    last_connected_at      timestamptz,
    last_disconnected_at   timestamptz,
    last_heartbeat_at      timestamptz,
    total_jobs_sent        bigint      NOT NULL DEFAULT 0,
    total_results_received bigint      NOT NULL DEFAULT 0,
    total_errors           bigint      NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT validators_counters_non_negative CHECK (total_jobs_sent >= 0 AND total_results_received >= 0 AND total_errors >= 0)
);
CREATE INDEX validators_connected_idx ON validators (connected, hotkey);

-- ---------------------------------------------------------------------------------------------
-- Miner uploads (a presigned PUT into the vault); the id becomes the submission id
-- ---------------------------------------------------------------------------------------------
CREATE TABLE submission_uploads (
    id                  bigint PRIMARY KEY,
    miner_hotkey        varchar(64)  NOT NULL,
    competition_id      bigint       NOT NULL REFERENCES competitions (id),
    version             varchar(64)  NOT NULL,
    artifact_object_key varchar(1024) NOT NULL,
    artifact_sha256     char(64)     NOT NULL,
    artifact_size_bytes bigint       NOT NULL,
    status              varchar(16)  NOT NULL DEFAULT 'PENDING',
    status_detail       text,
    -- a PENDING upload becomes EXPIRED after this instant (it then no longer blocks its version)
    expires_at          timestamptz  NOT NULL,
    uploaded_at         timestamptz,
    holdout_seconds     bigint       NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT submission_uploads_status_valid CHECK (status IN ('PENDING', 'UPLOADED', 'PROCESSED', 'EXPIRED', 'REJECTED')),
    CONSTRAINT submission_uploads_sha256_hex CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT submission_uploads_size_positive CHECK (artifact_size_bytes > 0),
    CONSTRAINT submission_uploads_version_not_blank CHECK (length(btrim(version)) > 0),
    CONSTRAINT submission_uploads_holdout_non_negative CHECK (holdout_seconds >= 0)
);
-- a version is taken by a live upload; EXPIRED and REJECTED uploads free it again
CREATE UNIQUE INDEX submission_uploads_live_version_key ON submission_uploads (miner_hotkey, competition_id, version)
    WHERE status IN ('PENDING', 'UPLOADED', 'PROCESSED');
CREATE INDEX submission_uploads_rate_window_idx ON submission_uploads (miner_hotkey, competition_id, created_at);
CREATE INDEX submission_uploads_pending_expiry_idx ON submission_uploads (expires_at) WHERE status IN ('PENDING', 'UPLOADED');

-- ---------------------------------------------------------------------------------------------
-- Submissions (a committed, verified upload)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE submissions (
    id                     bigint PRIMARY KEY REFERENCES submission_uploads (id),
    miner_hotkey           varchar(64)  NOT NULL,
    competition_id         bigint       NOT NULL REFERENCES competitions (id),
    version                varchar(64)  NOT NULL,
    commitment_block       bigint,
    artifact_object_key    varchar(1024) NOT NULL,
    artifact_sha256        char(64)     NOT NULL,
    artifact_size_bytes    bigint       NOT NULL,
    holdout_release_at     timestamptz  NOT NULL,
    released_at            timestamptz,
    -- presigned GET published after the hold-out; renewed before it expires (text: no truncation)
    release_url            text,
    release_url_expires_at timestamptz,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT submissions_version_key UNIQUE (miner_hotkey, competition_id, version),
    CONSTRAINT submissions_sha256_hex CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT submissions_size_positive CHECK (artifact_size_bytes > 0),
    CONSTRAINT submissions_block_non_negative CHECK (commitment_block IS NULL OR commitment_block >= 0),
    CONSTRAINT submissions_release_url_pair CHECK ((release_url IS NULL) = (release_url_expires_at IS NULL)),
    CONSTRAINT submissions_release_url_after_release CHECK (release_url IS NULL OR released_at IS NOT NULL)
);
CREATE INDEX submissions_competition_created_idx ON submissions (competition_id, created_at DESC, id DESC);
CREATE INDEX submissions_miner_created_idx ON submissions (miner_hotkey, created_at DESC, id DESC);
CREATE INDEX submissions_created_idx ON submissions (created_at DESC, id DESC);
CREATE INDEX submissions_release_due_idx ON submissions (holdout_release_at) WHERE released_at IS NULL;
CREATE INDEX submissions_released_idx ON submissions (released_at DESC, id DESC) WHERE released_at IS NOT NULL;
CREATE INDEX submissions_release_renewal_idx ON submissions (release_url_expires_at) WHERE release_url_expires_at IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Jobs: one per (submission, benchmark); reruns are new jobs pointing at the job they repeat
-- ---------------------------------------------------------------------------------------------
CREATE TABLE jobs (
    id             bigint PRIMARY KEY,
    submission_id  bigint       NOT NULL REFERENCES submissions (id),
    competition_id bigint       NOT NULL REFERENCES competitions (id),
    miner_hotkey   varchar(64)  NOT NULL,
    provider       varchar(128) NOT NULL,
    benchmark_name varchar(128) NOT NULL,
    -- the competition's benchmark definition as it was when the job was created
    spec           jsonb        NOT NULL,
    -- the task set with its seeds: [{task_id, env_name, seed}], secret during the hold-out
    tasks          jsonb        NOT NULL,
    rerun_of       bigint REFERENCES jobs (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT jobs_spec_object CHECK (jsonb_typeof(spec) = 'object'),
    CONSTRAINT jobs_tasks_array CHECK (jsonb_typeof(tasks) = 'array' AND jsonb_array_length(tasks) > 0)
);
CREATE UNIQUE INDEX jobs_submission_benchmark_key ON jobs (submission_id, benchmark_name) WHERE rerun_of IS NULL;
CREATE INDEX jobs_submission_idx ON jobs (submission_id, id);
CREATE INDEX jobs_competition_created_idx ON jobs (competition_id, created_at DESC, id DESC);
CREATE INDEX jobs_miner_created_idx ON jobs (miner_hotkey, created_at DESC, id DESC);
CREATE INDEX jobs_created_idx ON jobs (created_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------
-- Job assignments: one per (job, validator), delivered durably
-- ---------------------------------------------------------------------------------------------
CREATE TABLE job_assignments (
    id                   bigint PRIMARY KEY,
    job_id               bigint       NOT NULL REFERENCES jobs (id),
    validator_hotkey     varchar(64)  NOT NULL REFERENCES validators (hotkey),
    status               varchar(16)  NOT NULL DEFAULT 'QUEUED',
    failure_class        varchar(16),
    -- deliveries of this assignment (a platform fault causes a retry: attempts + 1)
    attempts             integer      NOT NULL DEFAULT 0,
    deadline             timestamptz,
    -- message id of the eval_job last sent, and of the one the validator acked
    delivered_message_id uuid,
    delivered_at         timestamptz,
    acked_message_id     uuid,
    acked_at             timestamptz,
    started_at           timestamptz,
    finished_at          timestamptz,
    -- progress while running: finished episodes out of the job's total
    progress_episodes    integer      NOT NULL DEFAULT 0,
    total_episodes       integer,
    status_detail        text,
    error_code           integer,
    error_message        text,
    -- optimistic concurrency: every update checks and bumps it
    version              integer      NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT job_assignments_job_validator_key UNIQUE (job_id, validator_hotkey),
    CONSTRAINT job_assignments_status_valid CHECK (status IN ('QUEUED', 'DELIVERED', 'STARTING', 'RUNNING', 'COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED')),
    CONSTRAINT job_assignments_failure_class_valid CHECK (failure_class IS NULL OR failure_class IN ('AGENT', 'PLATFORM')),
    CONSTRAINT job_assignments_failure_class_terminal CHECK (failure_class IS NULL OR status IN ('FAILED', 'TIMEOUT', 'CANCELLED')),
    CONSTRAINT job_assignments_attempts_non_negative CHECK (attempts >= 0),
    CONSTRAINT job_assignments_progress_range CHECK (progress_episodes >= 0 AND (total_episodes IS NULL OR total_episodes >= 0)),
    CONSTRAINT job_assignments_version_non_negative CHECK (version >= 0)
);
CREATE INDEX job_assignments_validator_status_idx ON job_assignments (validator_hotkey, status, created_at);
CREATE INDEX job_assignments_open_deadline_idx ON job_assignments (deadline)
    WHERE status IN ('QUEUED', 'DELIVERED', 'STARTING', 'RUNNING');
CREATE INDEX job_assignments_queued_idx ON job_assignments (created_at, id) WHERE status = 'QUEUED';

-- Append-only audit of every status change (never updated or deleted).
CREATE TABLE job_status_events (
    id               bigint PRIMARY KEY,
    job_id           bigint      NOT NULL REFERENCES jobs (id),
    assignment_id    bigint REFERENCES job_assignments (id),
    validator_hotkey varchar(64),
    status           varchar(16) NOT NULL,
    failure_class    varchar(16),
    detail           text,
    -- the validator message that caused it (idempotency of job_status_update)
    message_id       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT job_status_events_status_valid CHECK (status IN ('QUEUED', 'DELIVERED', 'STARTING', 'RUNNING', 'COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED')),
    CONSTRAINT job_status_events_failure_class_valid CHECK (failure_class IS NULL OR failure_class IN ('AGENT', 'PLATFORM'))
);
CREATE UNIQUE INDEX job_status_events_message_key ON job_status_events (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX job_status_events_job_idx ON job_status_events (job_id, created_at DESC, id DESC);
CREATE INDEX job_status_events_validator_idx ON job_status_events (validator_hotkey, created_at DESC, id DESC);
CREATE INDEX job_status_events_created_idx ON job_status_events (created_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------
-- Results: the terminal outcome of one assignment. Metadata comes from the job, never the message.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE results (
    id               bigint PRIMARY KEY,
    assignment_id    bigint       NOT NULL REFERENCES job_assignments (id),
    job_id           bigint       NOT NULL REFERENCES jobs (id),
    submission_id    bigint       NOT NULL REFERENCES submissions (id),
    competition_id   bigint       NOT NULL REFERENCES competitions (id),
    miner_hotkey     varchar(64)  NOT NULL,
    validator_hotkey varchar(64)  NOT NULL,
    benchmark_name   varchar(128) NOT NULL,
    status           varchar(16)  NOT NULL,
    failure_class    varchar(16),
    score            double precision,
    success_rate     double precision,
    avg_reward       double precision,
    total_episodes   integer,
    -- per-task breakdown as reported: [{task_id, episodes, successes, errored_episodes, mean_reward, mean_steps}]
    tasks            jsonb        NOT NULL DEFAULT '[]',
    error_code       integer,
    error_name       varchar(64),
    error_message    text,
    extra            jsonb        NOT NULL DEFAULT '{}',
    -- the eval_result message it came from (a redelivery is recognised by it)
    message_id       uuid         NOT NULL,
    received_at      timestamptz,
    started_at       timestamptz,
    finished_at      timestamptz,
    result_time      timestamptz  NOT NULL,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT results_assignment_key UNIQUE (assignment_id),
    CONSTRAINT results_message_key UNIQUE (message_id),
    CONSTRAINT results_status_valid CHECK (status IN ('COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED')),
    CONSTRAINT results_failure_class_valid CHECK (failure_class IS NULL OR failure_class IN ('AGENT', 'PLATFORM')),
    CONSTRAINT results_score_non_negative CHECK (score IS NULL OR score >= 0),
    CONSTRAINT results_success_rate_range CHECK (success_rate IS NULL OR (success_rate >= 0 AND success_rate <= 1)),
    CONSTRAINT results_total_episodes_non_negative CHECK (total_episodes IS NULL OR total_episodes >= 0),
    CONSTRAINT results_completed_has_metrics CHECK (status <> 'COMPLETED' OR (score IS NOT NULL AND success_rate IS NOT NULL AND avg_reward IS NOT NULL)),
    CONSTRAINT results_tasks_array CHECK (jsonb_typeof(tasks) = 'array'),
    CONSTRAINT results_extra_object CHECK (jsonb_typeof(extra) = 'object')
);
CREATE INDEX results_competition_idx ON results (competition_id, submission_id);
CREATE INDEX results_submission_idx ON results (submission_id);
CREATE INDEX results_job_idx ON results (job_id);
CREATE INDEX results_validator_idx ON results (validator_hotkey, result_time DESC);
CREATE INDEX results_miner_idx ON results (miner_hotkey, result_time DESC);
CREATE INDEX results_time_idx ON results (result_time DESC, id DESC);

-- ---------------------------------------------------------------------------------------------
-- Episodes and logged steps
-- ---------------------------------------------------------------------------------------------
CREATE TABLE episodes (
    id               bigint PRIMARY KEY,
    job_id           bigint       NOT NULL REFERENCES jobs (id),
    assignment_id    bigint REFERENCES job_assignments (id),
    submission_id    bigint       NOT NULL REFERENCES submissions (id),
    validator_hotkey varchar(64)  NOT NULL,
    task_id          varchar(128) NOT NULL,
    episode_index    integer      NOT NULL,
    env_name         varchar(128),
    benchmark_name   varchar(128),
    success          boolean,
    final_reward     double precision,
    steps            integer,
    started_at       timestamptz,
    ended_at         timestamptz,
    extra_metrics    jsonb        NOT NULL DEFAULT '{}',
    -- true while only steps arrived; the summary overwrites the row later
    pending_summary  boolean      NOT NULL DEFAULT false,
    message_id       uuid,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT episodes_natural_key UNIQUE (job_id, validator_hotkey, task_id, episode_index),
    CONSTRAINT episodes_index_non_negative CHECK (episode_index >= 0),
    CONSTRAINT episodes_steps_non_negative CHECK (steps IS NULL OR steps >= 0),
    CONSTRAINT episodes_time_order CHECK (started_at IS NULL OR ended_at IS NULL OR ended_at >= started_at),
    CONSTRAINT episodes_extra_object CHECK (jsonb_typeof(extra_metrics) = 'object'),
    CONSTRAINT episodes_summary_complete CHECK (pending_summary OR (success IS NOT NULL AND final_reward IS NOT NULL AND steps IS NOT NULL))
);
CREATE INDEX episodes_job_idx ON episodes (job_id, validator_hotkey, task_id, episode_index);
CREATE INDEX episodes_submission_idx ON episodes (submission_id, id);
CREATE INDEX episodes_validator_idx ON episodes (validator_hotkey, id);

CREATE TABLE episode_steps (
    id               bigint PRIMARY KEY,
    episode_id       bigint           NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
    step             integer          NOT NULL,
    action           jsonb            NOT NULL,
    reward           double precision NOT NULL,
    done             boolean          NOT NULL,
    truncated        boolean          NOT NULL,
    observation_refs jsonb            NOT NULL DEFAULT '[]',
    info             jsonb            NOT NULL DEFAULT '{}',
    step_timestamp   timestamptz      NOT NULL,
    created_at       timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT episode_steps_episode_step_key UNIQUE (episode_id, step),
    CONSTRAINT episode_steps_step_non_negative CHECK (step >= 0),
    CONSTRAINT episode_steps_refs_array CHECK (jsonb_typeof(observation_refs) = 'array'),
    CONSTRAINT episode_steps_info_object CHECK (jsonb_typeof(info) = 'object')
);

-- ---------------------------------------------------------------------------------------------
-- Leader candidates (one per submission and competition, built from aggregated results)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE leader_candidates (
    id                     bigint PRIMARY KEY,
    competition_id         bigint      NOT NULL REFERENCES competitions (id),
    submission_id          bigint      NOT NULL REFERENCES submissions (id),
    miner_hotkey           varchar(64) NOT NULL,
    -- medians across validators at the time the candidate was queued
    avg_reward             double precision NOT NULL,
    success_rate           double precision NOT NULL,
    score                  double precision,
    total_episodes         integer,
    validator_count        integer     NOT NULL,
    status                 varchar(16) NOT NULL DEFAULT 'pending',
    status_reason          text,
    reviewed_by_api_key_id bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    reviewed_at            timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT leader_candidates_submission_key UNIQUE (competition_id, submission_id),
    CONSTRAINT leader_candidates_status_valid CHECK (status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT leader_candidates_success_rate_range CHECK (success_rate >= 0 AND success_rate <= 1),
    CONSTRAINT leader_candidates_validator_count_positive CHECK (validator_count >= 1),
    CONSTRAINT leader_candidates_reviewed_when_final CHECK (status = 'pending' OR reviewed_at IS NOT NULL)
);
CREATE INDEX leader_candidates_competition_status_idx ON leader_candidates (competition_id, status, created_at DESC);
CREATE INDEX leader_candidates_status_idx ON leader_candidates (status, created_at DESC, id DESC);

ALTER TABLE competitions
    ADD CONSTRAINT competitions_leader_candidate_fk FOREIGN KEY (current_leader_candidate_id)
        REFERENCES leader_candidates (id) ON DELETE SET NULL;

-- Append-only review audit: who changed which candidate from what to what, when and why.
CREATE TABLE leader_candidate_reviews (
    id                   bigint PRIMARY KEY,
    candidate_id         bigint       NOT NULL REFERENCES leader_candidates (id) ON DELETE CASCADE,
    from_status          varchar(16)  NOT NULL,
    to_status            varchar(16)  NOT NULL,
    reason               text,
    reviewer_api_key_id  bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    -- the key's name at review time, kept when the key is deleted later
    reviewer_name        varchar(128) NOT NULL,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT leader_candidate_reviews_from_valid CHECK (from_status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT leader_candidate_reviews_to_valid CHECK (to_status IN ('pending', 'approved', 'rejected')),
    CONSTRAINT leader_candidate_reviews_changes CHECK (from_status <> to_status)
);
CREATE INDEX leader_candidate_reviews_candidate_idx ON leader_candidate_reviews (candidate_id, created_at, id);

-- ---------------------------------------------------------------------------------------------
-- Weights snapshots (the newest is served by GET /weights and sent as set_weights)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE weight_snapshots (
    id           bigint PRIMARY KEY,
    netuid       integer          NOT NULL,
    computed_at  timestamptz      NOT NULL,
    expires_at   timestamptz      NOT NULL,
    -- [{uid, hotkey, weight}] sorted by uid
    entries      jsonb            NOT NULL,
    total_weight double precision NOT NULL,
    -- SHA-256 of the canonical entries, to tell whether weights changed
    content_hash char(64)         NOT NULL,
    created_at   timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT weight_snapshots_netuid_range CHECK (netuid >= 0 AND netuid <= 65535),
    CONSTRAINT weight_snapshots_expiry_order CHECK (expires_at > computed_at),
    CONSTRAINT weight_snapshots_entries_array CHECK (jsonb_typeof(entries) = 'array' AND jsonb_array_length(entries) > 0),
    CONSTRAINT weight_snapshots_total_range CHECK (total_weight >= 0 AND total_weight <= 1.000001)
);
CREATE INDEX weight_snapshots_computed_idx ON weight_snapshots (computed_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------
-- Single-use nonces of signed requests and validator challenges
-- ---------------------------------------------------------------------------------------------
CREATE TABLE used_request_nonces (
    scope      varchar(32)  NOT NULL,
    signer     varchar(64)  NOT NULL,
    nonce      varchar(128) NOT NULL,
    expires_at timestamptz  NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, signer, nonce)
);
CREATE INDEX used_request_nonces_expiry_idx ON used_request_nonces (expires_at);

-- ---------------------------------------------------------------------------------------------
-- Singleton state of the chain monitor
-- ---------------------------------------------------------------------------------------------
CREATE TABLE backend_state (
    id               smallint PRIMARY KEY DEFAULT 1,
    last_seen_block  bigint,
    last_chain_scan  timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT backend_state_singleton CHECK (id = 1),
    CONSTRAINT backend_state_block_non_negative CHECK (last_seen_block IS NULL OR last_seen_block >= 0)
);
INSERT INTO backend_state (id) VALUES (1);

-- ---------------------------------------------------------------------------------------------
-- Realtime outbox: events for /ws/client fan-out across backend instances (LISTEN/NOTIFY carries
-- only the id; rows are pruned after a retention period)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE realtime_events (
    id          bigint PRIMARY KEY,
    event_type  varchar(64) NOT NULL,
    payload     jsonb       NOT NULL,
    instance_id varchar(64),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT realtime_events_payload_object CHECK (jsonb_typeof(payload) = 'object')
);
CREATE INDEX realtime_events_created_idx ON realtime_events (created_at, id);
