-- Schema version 2: the entity version current_state was taken from; event and queue indexes.
ALTER TABLE mdm_approval ADD COLUMN base_version bigint;
CREATE INDEX mdm_event_tenant_seq ON mdm_event (tenant_id, seq);
CREATE INDEX mdm_approval_tenant_requested ON mdm_approval (tenant_id, status, requested_at);
