-- Schema version 7 on PostgreSQL: the HTTP API (steward-cli serve). Bearer tokens are kept
-- only as their SHA-256; the first answer to each Idempotency-Key of a submission is kept
-- so a repeated key returns it. Runs as steward_owner after version 6.
CREATE TABLE mdm_api_token (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    user_id text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX mdm_api_token_user ON mdm_api_token (tenant_id, user_id);

CREATE TABLE mdm_api_idempotency (
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    user_id text NOT NULL,
    idempotency_key text NOT NULL,
    request_hash text NOT NULL,
    approval_id uuid NOT NULL REFERENCES mdm_approval (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id, idempotency_key)
);

-- A person issues and revokes only their own tokens in the tenant they signed in to. The
-- API server (a steward_service login) finds a token by its hash before it knows the
-- tenant, so it reads every token row: hashes only, and it may act as any user anyway.
ALTER TABLE mdm_api_token ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON mdm_api_token FOR SELECT
    USING (tenant_id = (SELECT steward_tenant()) OR (SELECT steward_is_service()));
CREATE POLICY issue ON mdm_api_token FOR INSERT
    WITH CHECK (tenant_id = (SELECT steward_tenant()) AND user_id = (SELECT steward_user()) AND revoked_at IS NULL);
CREATE POLICY revoke ON mdm_api_token FOR UPDATE
    USING (tenant_id = (SELECT steward_tenant()) AND user_id = (SELECT steward_user()))
    WITH CHECK (tenant_id = (SELECT steward_tenant()) AND user_id = (SELECT steward_user()));

ALTER TABLE mdm_api_idempotency ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON mdm_api_idempotency FOR SELECT USING (tenant_id = (SELECT steward_tenant()));
CREATE POLICY remember ON mdm_api_idempotency FOR INSERT
    WITH CHECK (tenant_id = (SELECT steward_tenant()) AND user_id = (SELECT steward_user()));

REVOKE ALL ON mdm_api_token, mdm_api_idempotency FROM PUBLIC;
GRANT SELECT, INSERT ON mdm_api_token, mdm_api_idempotency TO steward_app;
GRANT UPDATE (revoked_at) ON mdm_api_token TO steward_app;
