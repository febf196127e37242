-- Schema version 3: decisions by the time they were taken.
CREATE INDEX mdm_approval_tenant_decided ON mdm_approval (tenant_id, decided_at, id);
