-- One approval of a pending tier-3 update of a field, written by hand as bare SQL for
-- pgbench (bench_team_decisions): what steward_decide does for it, without identity
-- functions, row-level security or generic entity code. Run as the schema's owner with
--   pgbench -n -M prepared -f bare_decision.sql -D tenant=UUID -c N ...
-- Each client takes the next request of bench_bare_queue, so no two wait on one row. A
-- check that fails (not pending, no role, the decider requested it, the entity moved on)
-- leaves \gset without its one row, which aborts the client and fails the run.
\set steward (:client_id % 4) + 1
BEGIN;
-- Lock the request and check it: pending, the decider holds its role, four-eyes, not kernel.
SELECT a.id AS approval_id, a.entity_id, a.base_version, a.entity_key, a.tier, a.required_role, a.payload_text
  FROM mdm_approval a
 WHERE a.id = (SELECT q.approval_id FROM bench_bare_queue q WHERE q.n = (SELECT nextval('bench_bare_queue_next')))
   AND a.tenant_id = :tenant::uuid AND a.status = 'pending' AND a.lane <> 'kernel'
   AND a.requested_by <> 'bench.steward.' || :steward
   AND EXISTS (SELECT 1 FROM mdm_user_role r WHERE r.tenant_id = a.tenant_id
                AND r.user_id = 'bench.steward.' || :steward AND r.role = a.required_role)
   FOR UPDATE OF a
\gset
-- Apply the payload to the entity if it is still at the version the request was made on;
-- its state before and after for the change event.
WITH before AS (
    SELECT e.* FROM mdm_global_metadata e
     WHERE e.tenant_id = :tenant::uuid AND e.id = :entity_id::uuid AND e.version = :base_version::bigint
), after AS (
    UPDATE mdm_global_metadata e
       SET label = p.doc ->> 'label', description = p.doc ->> 'description', format = p.doc ->> 'format',
           version = e.version + 1, updated_at = date_trunc('milliseconds', clock_timestamp())
      FROM before b, (SELECT :payload_text::jsonb AS doc) p
     WHERE e.id = b.id AND e.version = b.version
 RETURNING e.*
)
SELECT after.id AS entity, after.canonical_key AS canonical_key, after.updated_at AS decided_at,
       jsonb_strip_nulls(to_jsonb(before)) AS before_state, jsonb_strip_nulls(to_jsonb(after)) AS after_state
  FROM before, after
\gset
UPDATE mdm_approval SET status = 'approved', decided_by = 'bench.steward.' || :steward, decided_at = :decided_at::timestamptz
 WHERE id = :approval_id::uuid;
-- The events of SPEC section 4 for it, in order.
INSERT INTO mdm_event (id, tenant_id, type, version, occurred_at, actor_id, actor_role, correlation_id, payload)
VALUES (gen_random_uuid(), :tenant::uuid, 'metadata.approved', 1, :decided_at::timestamptz, 'bench.steward.' || :steward,
        :required_role::text, :approval_id::uuid,
        jsonb_build_object('approvalId', :approval_id::text, 'entityId', :entity::text, 'canonicalKey', :canonical_key::text,
                           'tier', :tier::text, 'approvedBy', 'bench.steward.' || :steward)),
       (gen_random_uuid(), :tenant::uuid, 'metadata.changed', 1, :decided_at::timestamptz, 'bench.steward.' || :steward,
        :required_role::text, :approval_id::uuid,
        jsonb_build_object('changeType', 'APPROVAL', 'entityId', :entity::text, 'canonicalKey', :canonical_key::text,
                           'tier', :tier::text, 'before', :before_state::jsonb, 'after', :after_state::jsonb)),
       (gen_random_uuid(), :tenant::uuid, 'approval.approved', 1, :decided_at::timestamptz, 'bench.steward.' || :steward,
        :required_role::text, :approval_id::uuid,
        jsonb_build_object('approvalId', :approval_id::text, 'entityType', 'GLOBAL_METADATA',
                           'entityKey', :entity_key::text, 'approvedBy', 'bench.steward.' || :steward));
END;
