-- Schema version 1 on PostgreSQL: the tables of SPEC section 3 in PostgreSQL types.
-- Run by the migrator as steward_owner, in one transaction.
CREATE TABLE mdm_tenant (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE mdm_user_role (
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    user_id text NOT NULL,
    role text NOT NULL CHECK (role IN ('kernel_architect', 'metadata_steward', 'data_owner', 'viewer')),
    display_name text,
    PRIMARY KEY (tenant_id, user_id, role)
);

-- payload and current_state are jsonb for operators; the exact documents as submitted
-- (member order, number text) live beside them in *_text, which the program reads.
CREATE TABLE mdm_approval (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    entity_type text NOT NULL CHECK (entity_type IN ('GLOBAL_METADATA', 'KPI', 'BUSINESS_RULE', 'GLOSSARY')),
    entity_id uuid,
    entity_key text,
    tier text NOT NULL CHECK (tier IN ('tier1', 'tier2', 'tier3', 'tier4', 'tier5')),
    lane text NOT NULL CHECK (lane IN ('kernel', 'governed', 'draft')),
    payload_text text NOT NULL,
    payload jsonb NOT NULL GENERATED ALWAYS AS (payload_text::jsonb) STORED,
    current_state_text text,
    current_state jsonb GENERATED ALWAYS AS (current_state_text::jsonb) STORED,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    decision_reason text,
    requested_by text NOT NULL,
    decided_by text,
    requested_at timestamptz DEFAULT now(),
    decided_at timestamptz,
    required_role text NOT NULL CHECK (required_role IN ('kernel_architect', 'metadata_steward', 'data_owner', 'viewer'))
);
CREATE INDEX mdm_approval_tenant_status ON mdm_approval (tenant_id, status);
CREATE INDEX mdm_approval_tenant_entity ON mdm_approval (tenant_id, entity_type, entity_key);

CREATE TABLE mdm_global_metadata (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    canonical_key text NOT NULL,
    label text, description text, domain text, module text, entity_urn text,
    tier text, standard_pack_id text, data_type text, format text,
    owner_id text, steward_id text, status text,
    binding jsonb,
    version bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, canonical_key)
);

CREATE TABLE mdm_kpi (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    canonical_key text NOT NULL,
    label text, description text, formula text,
    depends_on jsonb,
    tier text, owner_id text, status text,
    version bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, canonical_key)
);

CREATE TABLE mdm_business_rule (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    canonical_key text NOT NULL,
    label text, applies_to text,
    rule_type text CHECK (rule_type IS NULL OR rule_type IN ('not_null', 'unique', 'regex', 'range', 'enum')),
    definition jsonb,
    severity text, status text,
    version bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, canonical_key)
);

CREATE TABLE mdm_glossary_term (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    canonical_key text NOT NULL,
    term text, definition text,
    synonyms jsonb,
    related_keys jsonb,
    status text,
    version bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, canonical_key)
);

CREATE TABLE mdm_profile (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    entity_urn text, canonical_key text NOT NULL, tier text,
    trigger text NOT NULL CHECK (trigger IN ('approval', 'schedule', 'manual', 'rule_change')),
    status text NOT NULL CHECK (status IN ('completed', 'failed', 'cancelled')),
    completeness double precision, uniqueness double precision, validity double precision,
    quality_score double precision, quality_grade text,
    row_count bigint, sampled_rows bigint, duration_ms bigint, error text,
    details jsonb,
    created_at timestamptz NOT NULL
);
CREATE INDEX mdm_profile_tenant_key ON mdm_profile (tenant_id, canonical_key, created_at);

CREATE TABLE mdm_event (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id uuid NOT NULL UNIQUE,
    tenant_id uuid NOT NULL,
    type text NOT NULL,
    version integer NOT NULL DEFAULT 1,
    occurred_at timestamptz NOT NULL,
    actor_id text,
    actor_role text,
    correlation_id uuid,
    payload jsonb NOT NULL
);

CREATE TABLE mdm_data_source (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    name text NOT NULL,
    driver text NOT NULL,
    host text, port integer, database_name text, schema_name text, username text, path text,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE mdm_alert (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    rule text NOT NULL, canonical_key text, severity text,
    state text NOT NULL CHECK (state IN ('firing', 'resolved')),
    value double precision, fired_at timestamptz NOT NULL, resolved_at timestamptz, acknowledged_by text
);
