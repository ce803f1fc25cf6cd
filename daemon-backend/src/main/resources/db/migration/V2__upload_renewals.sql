-- A miner whose presigned PUT expired during a slow upload renews the URL of its still-pending
-- upload (POST /submissions/uploads/{id}/renew) instead of requesting a new upload. Renewals keep
-- the upload's id, version, hash, size and expiry; these columns audit them.
ALTER TABLE submission_uploads
    ADD COLUMN renewal_count   integer     NOT NULL DEFAULT 0,
    ADD COLUMN last_renewed_at timestamptz,
    ADD CONSTRAINT submission_uploads_renewal_count_non_negative CHECK (renewal_count >= 0),
    ADD CONSTRAINT submission_uploads_renewed_complete CHECK ((renewal_count = 0) = (last_renewed_at IS NULL));
