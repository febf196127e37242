-- Schema version 5: tenant settings (alert thresholds), every event belongs to a tenant,
-- and the field history index orders runs as "the latest run" does (created_at, id).
CREATE TABLE mdm_tenant_setting (
    tenant_id uuid NOT NULL REFERENCES mdm_tenant (id),
    name text NOT NULL,
    value text NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
INSERT INTO mdm_tenant (id, name, created_at)
    SELECT e.tenant_id, e.tenant_id::text, MIN(e.occurred_at) FROM mdm_event e
    WHERE NOT EXISTS (SELECT 1 FROM mdm_tenant t WHERE t.id = e.tenant_id) GROUP BY e.tenant_id;
ALTER TABLE mdm_event ADD CONSTRAINT mdm_event_tenant_fk FOREIGN KEY (tenant_id) REFERENCES mdm_tenant (id);
DROP INDEX mdm_profile_field_history;
CREATE INDEX mdm_profile_field_history ON mdm_profile
    (tenant_id, canonical_key, created_at, id, status, quality_score, quality_grade, tier);
