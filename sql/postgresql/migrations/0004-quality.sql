-- Schema version 4: the quality dashboards' covering indexes.
DROP INDEX IF EXISTS mdm_profile_tenant_key;
CREATE INDEX mdm_profile_field_history ON mdm_profile
    (tenant_id, canonical_key, created_at, status, quality_score, quality_grade, tier);
CREATE INDEX mdm_profile_tenant_time ON mdm_profile
    (tenant_id, created_at, status, duration_ms, quality_score, tier);
