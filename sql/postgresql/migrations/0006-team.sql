-- Schema version 6 on PostgreSQL: team mode. The governance rules of SPEC section 2 are
-- enforced by the database, so a modified or hostile client cannot bypass them:
--   * a session states who it is only through steward_login(), which checks the login
--     against mdm_user_role; the identity functions read the login (session_user), never
--     a variable a client could set by hand;
--   * row-level security on every mdm_ table: a session sees and writes only the rows of
--     the tenant it signed in to;
--   * steward_app has no UPDATE on mdm_approval and no write on the entity tables: every
--     decision goes through steward_decide(), which locks the request, re-checks every
--     rule, applies the change and writes its events in one transaction;
--   * events are numbered under a per-tenant lock, so within a tenant `seq` order is
--     commit order, and each is announced with NOTIFY steward_events '<tenant> <seq>'.
-- Needs the roles of sql/postgresql/admin-setup.sql; runs as steward_owner.

DO $check$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_app')
       OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_service')
       OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'steward_monitor') THEN
        RAISE EXCEPTION 'the roles steward_app, steward_service and steward_monitor do not exist: '
            'an administrator runs sql/postgresql/admin-setup.sql first'
            USING ERRCODE = '42704';
    END IF;
END
$check$;

-- The tables the entity types live in and how payload keys map onto their columns:
-- filled by the migrator from core/model/EntitySchema, the one definition.
CREATE TABLE steward_entity_table (
    entity_type text PRIMARY KEY,
    table_name text NOT NULL
);
CREATE TABLE steward_entity_field (
    entity_type text NOT NULL REFERENCES steward_entity_table (entity_type),
    position integer NOT NULL,
    json_name text NOT NULL,
    column_name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('text', 'json')),
    PRIMARY KEY (entity_type, position)
);
-- @ENTITY_SCHEMA@

-- Identity ------------------------------------------------------------------------------

CREATE FUNCTION steward_is_service() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT pg_has_role(session_user, 'steward_service', 'MEMBER') $$;

CREATE FUNCTION steward_is_monitor() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT pg_has_role(session_user, 'steward_monitor', 'MEMBER') $$;

-- The user a session speaks for: its login; a service (the HTTP API) the user it signed in as.
CREATE FUNCTION steward_claimed_user() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT CASE WHEN steward_is_service() THEN nullif(current_setting('steward.user_id', true), '')
                ELSE session_user::text END
$$;

CREATE FUNCTION steward_is_member(p_tenant uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT steward_is_service()
        OR EXISTS (SELECT 1 FROM mdm_user_role r WHERE r.tenant_id = p_tenant AND r.user_id = session_user)
$$;

-- The tenant the session signed in to, or NULL when it did not or may not act there.
CREATE FUNCTION steward_tenant() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_text text := nullif(current_setting('steward.tenant_id', true), '');
    v_tenant uuid;
BEGIN
    IF v_text IS NULL OR v_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN NULL;
    END IF;
    v_tenant := v_text::uuid;
    IF NOT EXISTS (SELECT 1 FROM mdm_user_role r WHERE r.tenant_id = v_tenant AND r.user_id = steward_claimed_user()) THEN
        RETURN NULL;
    END IF;
    RETURN v_tenant;
END
$$;

-- The user the session acts as in its tenant, or NULL.
CREATE FUNCTION steward_user() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT CASE WHEN steward_tenant() IS NULL THEN NULL ELSE steward_claimed_user() END $$;

CREATE FUNCTION steward_has_role(p_role text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM mdm_user_role r
                   WHERE r.tenant_id = steward_tenant() AND r.user_id = steward_user() AND r.role = p_role)
$$;

-- Signs the session in to a tenant as a user: a person only as themselves (their login),
-- a service as any user of the tenant. Returns the user.
CREATE FUNCTION steward_login(p_tenant uuid, p_user text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT steward_is_service() AND p_user IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'you are connected as % and cannot act as %', session_user, p_user
            USING ERRCODE = '42501';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM mdm_user_role r WHERE r.tenant_id = p_tenant AND r.user_id = p_user) THEN
        RAISE EXCEPTION '% is not a user of tenant %', p_user, p_tenant USING ERRCODE = '42501';
    END IF;
    PERFORM set_config('steward.tenant_id', p_tenant::text, false);
    PERFORM set_config('steward.user_id', p_user, false);
    RETURN p_user;
END
$$;

-- Events ----------------------------------------------------------------------------------

-- Numbers each event under a lock held until commit, one per tenant: a reader that has
-- seen seq N of a tenant never later finds a committed event of that tenant below N.
CREATE SEQUENCE mdm_event_seq_number;
ALTER TABLE mdm_event ALTER COLUMN seq DROP IDENTITY IF EXISTS;
SELECT setval('mdm_event_seq_number', COALESCE((SELECT MAX(seq) FROM mdm_event), 0) + 1, false);

CREATE FUNCTION steward_number_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('steward_events:' || NEW.tenant_id::text, 0));
    NEW.seq := nextval('mdm_event_seq_number');
    RETURN NEW;
END
$$;
CREATE TRIGGER mdm_event_number BEFORE INSERT ON mdm_event FOR EACH ROW EXECUTE FUNCTION steward_number_event();

-- The doorbell: delivered to every LISTENing session when the transaction commits.
CREATE FUNCTION steward_announce_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM pg_notify('steward_events', NEW.tenant_id::text || ' ' || NEW.seq::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER mdm_event_announce AFTER INSERT ON mdm_event FOR EACH ROW EXECUTE FUNCTION steward_announce_event();

-- Entities --------------------------------------------------------------------------------

-- An entity row as the payload-shaped JSON object the program reads: tenantId, then each
-- field of the type that is not NULL.
CREATE FUNCTION steward_entity_state(p_type text, p_id uuid) RETURNS jsonb
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_table text;
    v_members text;
    v_state jsonb;
BEGIN
    SELECT table_name INTO STRICT v_table FROM steward_entity_table WHERE entity_type = p_type;
    SELECT string_agg(format('%L, %s', json_name,
                             CASE kind WHEN 'json' THEN format('%I', column_name) ELSE format('to_jsonb(%I)', column_name) END),
                      ', ' ORDER BY position)
      INTO v_members FROM steward_entity_field WHERE entity_type = p_type;
    EXECUTE format('SELECT jsonb_build_object(''tenantId'', tenant_id::text, %s) FROM %I WHERE id = $1', v_members, v_table)
       INTO v_state USING p_id;
    IF v_state IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT COALESCE(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(v_state) WHERE value <> 'null'::jsonb);
END
$$;

-- Lays the payload over the entity (keys absent keep their value) or creates it, exactly
-- as the embedded store does: text columns take a string as is and any other value as
-- its JSON text; JSON columns take the value. Returns the entity's id.
CREATE FUNCTION steward_apply_entity(p_type text, p_tenant uuid, p_id uuid, p_version bigint, p_payload json,
                                     p_now timestamptz) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_table text;
    v_field record;
    v_value json;
    v_sql text;
    v_columns text := '';
    v_values text := '';
    v_assignments text := '';
    v_id uuid := p_id;
    v_rows integer;
BEGIN
    SELECT table_name INTO STRICT v_table FROM steward_entity_table WHERE entity_type = p_type;
    FOR v_field IN SELECT json_name, column_name, kind FROM steward_entity_field WHERE entity_type = p_type ORDER BY position LOOP
        v_value := p_payload -> v_field.json_name;
        IF v_value IS NULL THEN
            CONTINUE; -- absent from the payload
        END IF;
        v_sql := CASE
            WHEN json_typeof(v_value) = 'null' THEN 'NULL'
            WHEN v_field.kind = 'json' THEN format('%L::jsonb', v_value::text)
            WHEN json_typeof(v_value) = 'string' THEN format('%L', v_value #>> '{}')
            ELSE format('%L', v_value::text) END;
        v_columns := v_columns || ', ' || format('%I', v_field.column_name);
        v_values := v_values || ', ' || v_sql;
        v_assignments := v_assignments || format('%I = %s, ', v_field.column_name, v_sql);
    END LOOP;
    IF p_id IS NULL THEN
        v_id := gen_random_uuid();
        EXECUTE format('INSERT INTO %I (id, tenant_id, version, created_at, updated_at%s) VALUES ($1, $2, 1, $3, $3%s)',
                       v_table, v_columns, v_values) USING v_id, p_tenant, p_now;
    ELSE
        EXECUTE format('UPDATE %I SET %sversion = version + 1, updated_at = $1 WHERE tenant_id = $2 AND id = $3 AND version = $4',
                       v_table, v_assignments) USING p_now, p_tenant, p_id, p_version;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        IF v_rows <> 1 THEN
            RAISE EXCEPTION 'the entity changed since the request was made' USING ERRCODE = 'STW03';
        END IF;
    END IF;
    RETURN v_id;
END
$$;

CREATE FUNCTION steward_entity_find(p_type text, p_tenant uuid, p_id uuid, p_key text, OUT o_id uuid, OUT o_version bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_table text;
BEGIN
    SELECT table_name INTO STRICT v_table FROM steward_entity_table WHERE entity_type = p_type;
    IF p_id IS NOT NULL THEN
        EXECUTE format('SELECT id, version FROM %I WHERE tenant_id = $1 AND id = $2', v_table)
           INTO o_id, o_version USING p_tenant, p_id;
    ELSE
        EXECUTE format('SELECT id, version FROM %I WHERE tenant_id = $1 AND canonical_key = $2', v_table)
           INTO o_id, o_version USING p_tenant, p_key;
    END IF;
END
$$;

-- Requests --------------------------------------------------------------------------------

-- A request as submitted must describe the live entity truthfully: its current_state and
-- base_version are what the entity is now, a create names no entity that exists, and the
-- requester may submit at all. (The service checks the payload itself first, with the
-- messages a person reads; this is the guard behind it.)
CREATE FUNCTION steward_check_request() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_live record;
BEGIN
    -- The schema's owner (migrations, the demo's history) writes what it must.
    IF session_user::text = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                             WHERE c.oid = 'mdm_approval'::regclass) THEN
        RETURN NEW;
    END IF;
    IF json_typeof(NEW.payload_text::json) <> 'object' THEN
        RAISE EXCEPTION 'the payload must be a JSON object' USING ERRCODE = 'STW04';
    END IF;
    IF NEW.lane = 'kernel' AND NEW.required_role <> 'kernel_architect' THEN
        RAISE EXCEPTION 'a kernel-lane change must be decided by a kernel_architect' USING ERRCODE = 'STW04';
    END IF;
    IF NEW.required_role = 'viewer' THEN
        RAISE EXCEPTION 'viewers cannot decide change requests' USING ERRCODE = 'STW04';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM mdm_user_role r WHERE r.tenant_id = NEW.tenant_id AND r.user_id = NEW.requested_by
                   AND r.role <> 'viewer') THEN
        RAISE EXCEPTION '% may not submit change requests in this tenant', NEW.requested_by USING ERRCODE = '42501';
    END IF;
    SELECT * INTO v_live FROM steward_entity_find(NEW.entity_type, NEW.tenant_id, NEW.entity_id, NEW.entity_key);
    IF NEW.entity_id IS NULL THEN
        IF v_live.o_id IS NOT NULL THEN
            RAISE EXCEPTION '% "%" already exists', NEW.entity_type, NEW.entity_key USING ERRCODE = 'STW02';
        END IF;
        IF NEW.current_state_text IS NOT NULL OR NEW.base_version IS NOT NULL THEN
            RAISE EXCEPTION 'a create has no current state' USING ERRCODE = 'STW04';
        END IF;
    ELSE
        IF v_live.o_id IS NULL THEN
            RAISE EXCEPTION 'no % with id % in this tenant', NEW.entity_type, NEW.entity_id USING ERRCODE = 'STW04';
        END IF;
        IF NEW.base_version IS DISTINCT FROM v_live.o_version
           OR NEW.current_state_text IS NULL
           OR NEW.current_state_text::jsonb IS DISTINCT FROM steward_entity_state(NEW.entity_type, NEW.entity_id) THEN
            RAISE EXCEPTION 'current_state and base_version must be the live entity''s' USING ERRCODE = 'STW04';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER mdm_approval_check BEFORE INSERT ON mdm_approval FOR EACH ROW EXECUTE FUNCTION steward_check_request();

-- Decisions ---------------------------------------------------------------------------------

CREATE FUNCTION steward_event(p_tenant uuid, p_type text, p_actor text, p_role text, p_correlation uuid,
                              p_payload jsonb, p_at timestamptz) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    INSERT INTO mdm_event (id, tenant_id, type, version, occurred_at, actor_id, actor_role, correlation_id, payload)
    VALUES (gen_random_uuid(), p_tenant, p_type, 1, p_at, p_actor, p_role, p_correlation, p_payload)
$$;

-- Approves, rejects or cancels a pending request of the session's tenant as the session's
-- user, re-checking every rule of SPEC section 2 with the request locked, and returns the
-- stored row. `p_expected_entity_version`, when given, is the entity version the decider
-- reviewed: approval is refused when the entity is no longer at it.
-- Errors: 42501 forbidden, STW02 already decided, STW03 stale, STW04 invalid, STW05 not found.
CREATE FUNCTION steward_decide(p_id uuid, p_decision text, p_reason text, p_expected_entity_version bigint)
    RETURNS SETOF mdm_approval
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_tenant uuid := steward_tenant();
    v_user text := steward_user();
    v_now timestamptz := date_trunc('milliseconds', clock_timestamp()); -- the precision the clients keep
    a mdm_approval%ROWTYPE;
    v_live record;
    v_before jsonb;
    v_after jsonb;
    v_entity uuid;
    v_role text;
    v_reason text := nullif(btrim(COALESCE(p_reason, '')), '');
    v_tier text;
    v_key text;
    v_field record;
    v_field_state jsonb;
BEGIN
    IF v_tenant IS NULL OR v_user IS NULL THEN
        RAISE EXCEPTION 'this session has not signed in to a tenant (steward_login)' USING ERRCODE = '42501';
    END IF;
    IF p_decision NOT IN ('approved', 'rejected', 'cancelled') THEN
        RAISE EXCEPTION 'a decision is approved, rejected or cancelled, not %', p_decision USING ERRCODE = 'STW04';
    END IF;
    SELECT * INTO a FROM mdm_approval WHERE id = p_id AND tenant_id = v_tenant FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no change request % in this tenant', p_id USING ERRCODE = 'STW05';
    END IF;
    IF a.status <> 'pending' THEN
        RAISE EXCEPTION 'already % by % at %', a.status, a.decided_by,
            to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') USING ERRCODE = 'STW02';
    END IF;

    IF p_decision = 'cancelled' THEN
        IF v_user <> a.requested_by THEN
            RAISE EXCEPTION 'only the requester (%) can cancel this request', a.requested_by USING ERRCODE = '42501';
        END IF;
        SELECT r.role INTO v_role FROM mdm_user_role r WHERE r.tenant_id = v_tenant AND r.user_id = v_user
         ORDER BY array_position(ARRAY['kernel_architect', 'metadata_steward', 'data_owner', 'viewer'], r.role) LIMIT 1;
    ELSE
        IF NOT steward_has_role(a.required_role) THEN
            RAISE EXCEPTION 'deciding this request needs the role %, which % does not hold', a.required_role, v_user
                USING ERRCODE = '42501';
        END IF;
        IF a.lane = 'kernel' AND NOT steward_has_role('kernel_architect') THEN
            RAISE EXCEPTION 'kernel-lane changes are decided by a kernel_architect' USING ERRCODE = '42501';
        END IF;
        IF v_user = a.requested_by THEN
            RAISE EXCEPTION '% requested this change; four-eyes rule: someone else must decide it', v_user
                USING ERRCODE = '42501';
        END IF;
        v_role := a.required_role;
    END IF;
    IF p_decision = 'rejected' AND v_reason IS NULL THEN
        RAISE EXCEPTION 'a rejection needs a reason' USING ERRCODE = 'STW04';
    END IF;

    IF p_decision = 'approved' THEN
        SELECT * INTO v_live FROM steward_entity_find(a.entity_type, v_tenant, a.entity_id, a.entity_key);
        IF a.entity_id IS NULL THEN
            IF v_live.o_id IS NOT NULL THEN
                RAISE EXCEPTION '% was created by another change since the request was made', a.entity_key
                    USING ERRCODE = 'STW03';
            END IF;
            IF p_expected_entity_version IS NOT NULL THEN
                RAISE EXCEPTION '% does not exist yet; the caller expected version %', a.entity_key,
                    p_expected_entity_version USING ERRCODE = 'STW03';
            END IF;
        ELSE
            IF v_live.o_id IS NULL THEN
                RAISE EXCEPTION '% no longer exists; it changed since the request was made', a.entity_key
                    USING ERRCODE = 'STW03';
            END IF;
            v_before := steward_entity_state(a.entity_type, a.entity_id);
            IF (a.base_version IS NOT NULL AND v_live.o_version <> a.base_version)
               OR (a.base_version IS NULL AND a.current_state_text::jsonb IS DISTINCT FROM v_before)
               OR (p_expected_entity_version IS NOT NULL AND v_live.o_version <> p_expected_entity_version) THEN
                RAISE EXCEPTION '% changed since the request was made (version %, now %)', a.entity_key,
                    COALESCE(a.base_version::text, '?'), v_live.o_version USING ERRCODE = 'STW03';
            END IF;
        END IF;
        v_entity := steward_apply_entity(a.entity_type, v_tenant, v_live.o_id, v_live.o_version, a.payload_text::json, v_now);
        v_after := steward_entity_state(a.entity_type, v_entity);
    END IF;

    UPDATE mdm_approval SET status = p_decision, decided_by = v_user, decided_at = v_now,
           decision_reason = CASE WHEN p_decision = 'cancelled' THEN NULL ELSE v_reason END
     WHERE id = a.id RETURNING * INTO a;

    -- The events of SPEC section 4, in order, with the payloads the embedded store writes.
    v_tier := a.tier;
    v_key := v_after ->> 'canonicalKey';
    IF p_decision = 'approved' THEN
        IF a.entity_type = 'GLOBAL_METADATA' THEN
            PERFORM steward_event(v_tenant, 'metadata.approved', v_user, v_role, a.id,
                jsonb_build_object('approvalId', a.id::text, 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'approvedBy', v_user), v_now);
            PERFORM steward_event(v_tenant, 'metadata.changed', v_user, v_role, a.id,
                jsonb_build_object('changeType', 'APPROVAL', 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after), v_now);
            IF v_tier IN ('tier1', 'tier2') THEN
                PERFORM steward_event(v_tenant, 'metadata.profile.due', v_user, v_role, a.id,
                    jsonb_build_object('canonicalKey', v_key, 'entityUrn', COALESCE(v_after -> 'entityUrn', 'null'::jsonb),
                                       'tier', v_tier, 'priority', 'high', 'reason', 'STRUCTURAL_CHANGE'), v_now);
            END IF;
        ELSIF a.entity_type = 'KPI' THEN
            PERFORM steward_event(v_tenant, 'kpi.approved', v_user, v_role, a.id,
                jsonb_build_object('approvalId', a.id::text, 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'approvedBy', v_user), v_now);
            PERFORM steward_event(v_tenant, 'kpi.changed', v_user, v_role, a.id,
                jsonb_build_object('changeType', 'APPROVAL', 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after), v_now);
        ELSIF a.entity_type = 'BUSINESS_RULE' THEN
            PERFORM steward_event(v_tenant, 'business_rule.changed', v_user, v_role, a.id,
                jsonb_build_object('changeType', 'APPROVAL', 'approvalId', a.id::text, 'entityId', v_entity::text,
                                   'canonicalKey', v_key, 'appliesTo', COALESCE(v_after -> 'appliesTo', 'null'::jsonb),
                                   'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after), v_now);
            SELECT * INTO v_field FROM steward_entity_find('GLOBAL_METADATA', v_tenant, NULL, v_after ->> 'appliesTo');
            IF v_field.o_id IS NOT NULL THEN
                v_field_state := steward_entity_state('GLOBAL_METADATA', v_field.o_id);
                PERFORM steward_event(v_tenant, 'metadata.profile.due', v_user, v_role, a.id,
                    jsonb_build_object('canonicalKey', v_field_state ->> 'canonicalKey',
                                       'entityUrn', COALESCE(v_field_state -> 'entityUrn', 'null'::jsonb),
                                       'tier', COALESCE(v_field_state -> 'tier', 'null'::jsonb),
                                       'priority', 'high', 'reason', 'RULE_CHANGE'), v_now);
            END IF;
        ELSE
            PERFORM steward_event(v_tenant, 'glossary.term.updated', v_user, v_role, a.id,
                jsonb_build_object('approvalId', a.id::text, 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'term', COALESCE(v_after -> 'term', 'null'::jsonb),
                                   'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after), v_now);
        END IF;
        PERFORM steward_event(v_tenant, 'approval.approved', v_user, v_role, a.id,
            jsonb_build_object('approvalId', a.id::text, 'entityType', a.entity_type, 'entityKey', a.entity_key,
                               'approvedBy', v_user), v_now);
    ELSIF p_decision = 'rejected' THEN
        PERFORM steward_event(v_tenant, 'approval.rejected', v_user, v_role, a.id,
            jsonb_build_object('approvalId', a.id::text, 'entityType', a.entity_type, 'entityKey', a.entity_key,
                               'rejectedBy', v_user, 'reason', v_reason), v_now);
    ELSE
        PERFORM steward_event(v_tenant, 'approval.cancelled', v_user, v_role, a.id,
            jsonb_build_object('approvalId', a.id::text, 'entityType', a.entity_type, 'entityKey', a.entity_key,
                               'cancelledBy', v_user), v_now);
    END IF;
    RETURN NEXT a;
END
$$;

-- Row-level security -------------------------------------------------------------------------

DO $rls$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['mdm_approval', 'mdm_global_metadata', 'mdm_kpi', 'mdm_business_rule',
                                   'mdm_glossary_term', 'mdm_profile', 'mdm_event', 'mdm_data_source', 'mdm_alert',
                                   'mdm_tenant_setting', 'mdm_user_role'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_table);
        EXECUTE format('CREATE POLICY tenant_read ON %I FOR SELECT '
                       'USING (tenant_id = (SELECT steward_tenant()) OR (SELECT steward_is_monitor()))', v_table);
    END LOOP;
END
$rls$;
ALTER TABLE mdm_tenant ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON mdm_tenant FOR SELECT USING (steward_is_member(id) OR (SELECT steward_is_monitor()));

CREATE POLICY request ON mdm_approval FOR INSERT
    WITH CHECK (tenant_id = (SELECT steward_tenant()) AND requested_by = (SELECT steward_user()) AND status = 'pending'
                AND decided_by IS NULL AND decided_at IS NULL AND decision_reason IS NULL);
-- Events a client may write itself: a request, the profiler's runs and alerts, a change of
-- the tenant's thresholds. Decision events come only from steward_decide.
CREATE POLICY record ON mdm_event FOR INSERT
    WITH CHECK (tenant_id = (SELECT steward_tenant())
                AND actor_id IN ((SELECT steward_user()), 'profiler')
                AND (type IN ('approval.requested', 'metadata.profile.started', 'metadata.profile.completed',
                              'metadata.profile.failed', 'metadata.profile.skipped', 'metadata.profile.cancelled',
                              'alert.fired', 'alert.resolved')
                     OR (type = 'alert.thresholds.changed' AND (SELECT steward_has_role('metadata_steward')))));
CREATE POLICY measure ON mdm_profile FOR INSERT WITH CHECK (tenant_id = (SELECT steward_tenant()));
CREATE POLICY raise ON mdm_alert FOR INSERT WITH CHECK (tenant_id = (SELECT steward_tenant()));
CREATE POLICY settle ON mdm_alert FOR UPDATE USING (tenant_id = (SELECT steward_tenant()))
    WITH CHECK (tenant_id = (SELECT steward_tenant()));
CREATE POLICY steward_sets ON mdm_tenant_setting FOR INSERT
    WITH CHECK (tenant_id = (SELECT steward_tenant()) AND updated_by = (SELECT steward_user())
                AND (SELECT steward_has_role('metadata_steward')));
CREATE POLICY steward_changes ON mdm_tenant_setting FOR UPDATE
    USING (tenant_id = (SELECT steward_tenant()) AND (SELECT steward_has_role('metadata_steward')))
    WITH CHECK (tenant_id = (SELECT steward_tenant()) AND updated_by = (SELECT steward_user()));

-- Privileges ---------------------------------------------------------------------------------

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
GRANT SELECT ON mdm_tenant, mdm_user_role, mdm_approval, mdm_global_metadata, mdm_kpi, mdm_business_rule,
                mdm_glossary_term, mdm_profile, mdm_event, mdm_data_source, mdm_alert, mdm_tenant_setting,
                mdm_schema_version, steward_entity_table, steward_entity_field
    TO steward_app, steward_monitor;
GRANT INSERT ON mdm_approval, mdm_event, mdm_profile, mdm_alert TO steward_app;
GRANT UPDATE (state, value, resolved_at, acknowledged_by) ON mdm_alert TO steward_app;
GRANT INSERT, UPDATE ON mdm_tenant_setting TO steward_app;
GRANT EXECUTE ON FUNCTION steward_login(uuid, text), steward_decide(uuid, text, text, bigint), steward_tenant(),
                          steward_user(), steward_has_role(text), steward_is_member(uuid), steward_is_service(),
                          steward_is_monitor(), steward_claimed_user(), steward_entity_state(text, uuid)
    TO steward_app, steward_monitor;
