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
-- Row-level security asks who the session is in every statement, and steward_decide in
-- every decision, so the answer costs one call and one index lookup: steward_identity()
-- works it out, and the small functions below are plain SQL over it that the planner
-- inlines (no SECURITY DEFINER of their own, which would keep them from being inlined;
-- the policies call them once per statement as `(SELECT ...)`). pg_has_role and the
-- settings need no privilege; only steward_identity reads mdm_user_role as the owner.

CREATE FUNCTION steward_is_service() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT pg_has_role(session_user, 'steward_service', 'MEMBER') $$;

CREATE FUNCTION steward_is_monitor() RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT pg_has_role(session_user, 'steward_monitor', 'MEMBER') $$;

-- The user a session speaks for: its login; a service (the HTTP API) the user it signed in as.
CREATE FUNCTION steward_claimed_user() RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN pg_has_role(session_user, 'steward_service', 'MEMBER')
                THEN nullif(current_setting('steward.user_id', true), '')
                ELSE session_user::text END
$$;

-- Who the session is: the tenant it signed in to, the user it acts as there and the roles
-- that user holds there (sorted); all NULL when it did not sign in or may not act there.
-- Read afresh on every call, so a role revoked a moment ago no longer counts.
CREATE FUNCTION steward_identity(OUT o_tenant uuid, OUT o_user text, OUT o_roles text[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_text text := nullif(current_setting('steward.tenant_id', true), '');
    v_user text;
BEGIN
    IF v_text IS NULL OR v_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN;
    END IF;
    v_user := steward_claimed_user();
    SELECT array_agg(r.role ORDER BY r.role) INTO o_roles
      FROM mdm_user_role r WHERE r.tenant_id = v_text::uuid AND r.user_id = v_user;
    IF o_roles IS NOT NULL THEN
        o_tenant := v_text::uuid;
        o_user := v_user;
    END IF;
END
$$;

CREATE FUNCTION steward_is_member(p_tenant uuid) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT steward_is_service()
        OR EXISTS (SELECT 1 FROM mdm_user_role r WHERE r.tenant_id = p_tenant AND r.user_id = session_user)
$$;

-- The tenant the session signed in to, or NULL when it did not or may not act there.
CREATE FUNCTION steward_tenant() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT o_tenant FROM public.steward_identity() $$;

-- The user the session acts as in its tenant, or NULL.
CREATE FUNCTION steward_user() RETURNS text
    LANGUAGE sql STABLE
AS $$ SELECT o_user FROM public.steward_identity() $$;

CREATE FUNCTION steward_has_role(p_role text) RETURNS boolean
    LANGUAGE sql STABLE
AS $$ SELECT COALESCE(p_role = ANY (o_roles), false) FROM public.steward_identity() $$;

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
-- Reading and writing an entity of any type, generated here from steward_entity_field as
-- static SQL per type (planned once per session, no SQL text built per call):
--   steward_entity_read(type, tenant, id, key) -> (id, version, state): the entity by id,
--       or by canonical key when no id is given; its state is the payload-shaped JSON
--       object the program reads: tenantId, then each field of the type that is not NULL;
--   steward_entity_write(type, tenant, id, version, payload, now) -> (id, state): lays the
--       payload over the entity at that version (keys absent keep their value; STW03 when
--       the entity is no longer at it) or, without an id, creates it, exactly as the
--       embedded store does: text columns take a string as is and any other value as its
--       JSON text (as written); JSON columns take the value.
-- Both are called only by the guard's SECURITY DEFINER functions, whose rights they run with.
DO $generate$
DECLARE
    v_type record;
    v_field record;
    v_members text;
    v_json_members text;
    v_value text;
    v_state text;
    v_assignments text;
    v_columns text;
    v_values text;
    v_read text := '';
    v_write text := '';
BEGIN
    FOR v_type IN SELECT entity_type, table_name FROM steward_entity_table ORDER BY entity_type LOOP
        v_members := '';
        v_json_members := '';
        v_assignments := '';
        v_columns := '';
        v_values := '';
        FOR v_field IN SELECT json_name, column_name, kind FROM steward_entity_field
                        WHERE entity_type = v_type.entity_type ORDER BY position LOOP
            IF v_field.kind = 'json' THEN
                v_json_members := v_json_members || format(
                    ' || CASE WHEN jsonb_typeof(e.%1$I) <> ''null'' THEN jsonb_build_object(%2$L, e.%1$I) '
                    'ELSE ''{}''::jsonb END', v_field.column_name, v_field.json_name);
            ELSE
                v_members := v_members || format(', %L, e.%I', v_field.json_name, v_field.column_name);
            END IF;
            v_value := CASE v_field.kind
                WHEN 'json' THEN format('CASE jsonb_typeof(v_payload -> %1$L) WHEN ''null'' THEN NULL '
                                        'ELSE v_payload -> %1$L END', v_field.json_name)
                ELSE format('CASE jsonb_typeof(v_payload -> %1$L) WHEN ''null'' THEN NULL '
                            'WHEN ''string'' THEN v_payload ->> %1$L ELSE (p_payload -> %1$L)::text END',
                            v_field.json_name) END;
            v_assignments := v_assignments || format('%I = CASE WHEN v_payload ? %L THEN %s ELSE e.%I END, ',
                                                     v_field.column_name, v_field.json_name, v_value,
                                                     v_field.column_name);
            v_columns := v_columns || format(', %I', v_field.column_name);
            v_values := v_values || format(', CASE WHEN v_payload ? %L THEN %s END', v_field.json_name, v_value);
        END LOOP;
        -- The text columns' NULLs go in one pass (jsonb_strip_nulls); a JSON column's value
        -- is kept whole (a null inside it stays), left out only when it is NULL or null.
        v_state := format('(jsonb_strip_nulls(jsonb_build_object(''tenantId'', e.tenant_id::text%s))%s)',
                          v_members, v_json_members);
        v_read := v_read || format($code$
    IF p_type = %1$L THEN
        IF p_id IS NOT NULL THEN
            SELECT e.id, e.version, %3$s INTO o_id, o_version, o_state
              FROM %2$I e WHERE e.tenant_id = p_tenant AND e.id = p_id;
        ELSE
            SELECT e.id, e.version, %3$s INTO o_id, o_version, o_state
              FROM %2$I e WHERE e.tenant_id = p_tenant AND e.canonical_key = p_key;
        END IF;
        RETURN;
    END IF;$code$, v_type.entity_type, v_type.table_name, v_state);
        v_write := v_write || format($code$
    IF p_type = %1$L THEN
        IF p_id IS NULL THEN
            INSERT INTO %2$I AS e (id, tenant_id, version, created_at, updated_at%4$s)
            VALUES (gen_random_uuid(), p_tenant, 1, p_now, p_now%5$s)
            RETURNING e.id, %3$s INTO o_id, o_state;
        ELSE
            UPDATE %2$I AS e SET %6$sversion = e.version + 1, updated_at = p_now
             WHERE e.tenant_id = p_tenant AND e.id = p_id AND e.version = p_version
            RETURNING e.id, %3$s INTO o_id, o_state;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'the entity changed since the request was made' USING ERRCODE = 'STW03';
            END IF;
        END IF;
        RETURN;
    END IF;$code$, v_type.entity_type, v_type.table_name, v_state, v_columns, v_values, v_assignments);
    END LOOP;
    EXECUTE format($code$
CREATE FUNCTION steward_entity_read(p_type text, p_tenant uuid, p_id uuid, p_key text,
                                    OUT o_id uuid, OUT o_version bigint, OUT o_state jsonb)
    LANGUAGE plpgsql STABLE
AS $body$
BEGIN%s
    RAISE EXCEPTION 'no entity type %%', p_type USING ERRCODE = 'STW04';
END
$body$$code$, v_read);
    EXECUTE format($code$
CREATE FUNCTION steward_entity_write(p_type text, p_tenant uuid, p_id uuid, p_version bigint, p_payload json,
                                     p_now timestamptz, OUT o_id uuid, OUT o_state jsonb)
    LANGUAGE plpgsql VOLATILE
AS $body$
DECLARE
    v_payload jsonb := p_payload::jsonb;
BEGIN%s
    RAISE EXCEPTION 'no entity type %%', p_type USING ERRCODE = 'STW04';
END
$body$$code$, v_write);
END
$generate$;

-- An entity of the session's tenant as the program reads it (see steward_entity_read).
CREATE FUNCTION steward_entity_state(p_type text, p_id uuid) RETURNS jsonb
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT o_state FROM steward_entity_read(p_type, steward_tenant(), p_id, NULL) $$;

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
    SELECT * INTO v_live FROM steward_entity_read(NEW.entity_type, NEW.tenant_id, NEW.entity_id, NEW.entity_key);
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
           OR NEW.current_state_text::jsonb IS DISTINCT FROM v_live.o_state THEN
            RAISE EXCEPTION 'current_state and base_version must be the live entity''s' USING ERRCODE = 'STW04';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER mdm_approval_check BEFORE INSERT ON mdm_approval FOR EACH ROW EXECUTE FUNCTION steward_check_request();

-- Decisions ---------------------------------------------------------------------------------

-- Approves, rejects or cancels a pending request of the session's tenant as the session's
-- user, re-checking every rule of SPEC section 2 with the request locked, and returns the
-- stored row and the events written with it: a JSON array of the stored events in order,
-- each in the envelope of SPEC section 4 with its seq (as Event::toJson writes it), so the
-- caller publishes them without reading them back.
-- `p_expected_entity_version`, when given, is the entity version the decider reviewed:
-- approval is refused when the entity is no longer at it, and when it does not exist yet.
-- Errors: 42501 forbidden, STW02 already decided, STW03 stale, STW04 invalid, STW05 not found.
CREATE FUNCTION steward_decide_with_events(p_id uuid, p_decision text, p_reason text, p_expected_entity_version bigint,
                                           OUT decided mdm_approval, OUT events json)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    v_me record;
    v_tenant uuid;
    v_user text;
    v_now timestamptz := date_trunc('milliseconds', clock_timestamp()); -- the precision the clients keep
    v_occurred text := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    a mdm_approval%ROWTYPE;
    v_live record;
    v_written record;
    v_field record;
    v_before jsonb;
    v_after jsonb;
    v_entity uuid;
    v_role text;
    v_reason text := nullif(btrim(COALESCE(p_reason, '')), '');
    v_tier text;
    v_key text;
    v_types text[];
    v_payloads jsonb[];
BEGIN
    v_me := steward_identity();
    v_tenant := v_me.o_tenant;
    v_user := v_me.o_user;
    IF v_tenant IS NULL OR v_user IS NULL THEN
        RAISE EXCEPTION 'this session has not signed in to a tenant (steward_login)' USING ERRCODE = '42501';
    END IF;
    IF p_decision IS NULL OR p_decision NOT IN ('approved', 'rejected', 'cancelled') THEN
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
        -- The requester acts in their highest role.
        SELECT r INTO v_role FROM unnest(v_me.o_roles) r
         ORDER BY array_position(ARRAY['kernel_architect', 'metadata_steward', 'data_owner', 'viewer'], r) LIMIT 1;
    ELSE
        IF NOT a.required_role = ANY (v_me.o_roles) THEN
            RAISE EXCEPTION 'deciding this request needs the role %, which % does not hold', a.required_role, v_user
                USING ERRCODE = '42501';
        END IF;
        IF a.lane = 'kernel' AND NOT 'kernel_architect' = ANY (v_me.o_roles) THEN
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
        v_live := steward_entity_read(a.entity_type, v_tenant, a.entity_id, a.entity_key);
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
            v_before := v_live.o_state;
            IF (a.base_version IS NOT NULL AND v_live.o_version <> a.base_version)
               OR (a.base_version IS NULL AND a.current_state_text::jsonb IS DISTINCT FROM v_before)
               OR (p_expected_entity_version IS NOT NULL AND v_live.o_version <> p_expected_entity_version) THEN
                RAISE EXCEPTION '% changed since the request was made (version %, now %)', a.entity_key,
                    COALESCE(a.base_version::text, '?'), v_live.o_version USING ERRCODE = 'STW03';
            END IF;
        END IF;
        v_written := steward_entity_write(a.entity_type, v_tenant, v_live.o_id, v_live.o_version, a.payload_text::json,
                                          v_now);
        v_entity := v_written.o_id;
        v_after := v_written.o_state;
    END IF;

    UPDATE mdm_approval SET status = p_decision, decided_by = v_user, decided_at = v_now,
           decision_reason = CASE WHEN p_decision = 'cancelled' THEN NULL ELSE v_reason END
     WHERE id = a.id RETURNING * INTO a;

    -- The events of SPEC section 4, in order, with the payloads the embedded store writes.
    v_tier := a.tier;
    v_key := v_after ->> 'canonicalKey';
    IF p_decision = 'approved' THEN
        IF a.entity_type = 'GLOBAL_METADATA' THEN
            v_types := ARRAY['metadata.approved', 'metadata.changed'];
            v_payloads := ARRAY[
                jsonb_build_object('approvalId', a.id::text, 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'approvedBy', v_user),
                jsonb_build_object('changeType', 'APPROVAL', 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after)];
            IF v_tier IN ('tier1', 'tier2') THEN
                v_types := v_types || 'metadata.profile.due'::text;
                v_payloads := v_payloads ||
                    jsonb_build_object('canonicalKey', v_key, 'entityUrn', COALESCE(v_after -> 'entityUrn', 'null'::jsonb),
                                       'tier', v_tier, 'priority', 'high', 'reason', 'STRUCTURAL_CHANGE');
            END IF;
        ELSIF a.entity_type = 'KPI' THEN
            v_types := ARRAY['kpi.approved', 'kpi.changed'];
            v_payloads := ARRAY[
                jsonb_build_object('approvalId', a.id::text, 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'approvedBy', v_user),
                jsonb_build_object('changeType', 'APPROVAL', 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'tier', v_tier, 'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after)];
        ELSIF a.entity_type = 'BUSINESS_RULE' THEN
            v_types := ARRAY['business_rule.changed'];
            v_payloads := ARRAY[
                jsonb_build_object('changeType', 'APPROVAL', 'approvalId', a.id::text, 'entityId', v_entity::text,
                                   'canonicalKey', v_key, 'appliesTo', COALESCE(v_after -> 'appliesTo', 'null'::jsonb),
                                   'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after)];
            v_field := steward_entity_read('GLOBAL_METADATA', v_tenant, NULL, v_after ->> 'appliesTo');
            IF v_field.o_id IS NOT NULL THEN
                v_types := v_types || 'metadata.profile.due'::text;
                v_payloads := v_payloads ||
                    jsonb_build_object('canonicalKey', v_field.o_state ->> 'canonicalKey',
                                       'entityUrn', COALESCE(v_field.o_state -> 'entityUrn', 'null'::jsonb),
                                       'tier', COALESCE(v_field.o_state -> 'tier', 'null'::jsonb),
                                       'priority', 'high', 'reason', 'RULE_CHANGE');
            END IF;
        ELSE
            v_types := ARRAY['glossary.term.updated'];
            v_payloads := ARRAY[
                jsonb_build_object('approvalId', a.id::text, 'entityId', v_entity::text, 'canonicalKey', v_key,
                                   'term', COALESCE(v_after -> 'term', 'null'::jsonb),
                                   'before', COALESCE(v_before, 'null'::jsonb), 'after', v_after)];
        END IF;
        v_types := v_types || 'approval.approved'::text;
        v_payloads := v_payloads ||
            jsonb_build_object('approvalId', a.id::text, 'entityType', a.entity_type, 'entityKey', a.entity_key,
                               'approvedBy', v_user);
    ELSIF p_decision = 'rejected' THEN
        v_types := ARRAY['approval.rejected'];
        v_payloads := ARRAY[
            jsonb_build_object('approvalId', a.id::text, 'entityType', a.entity_type, 'entityKey', a.entity_key,
                               'rejectedBy', v_user, 'reason', v_reason)];
    ELSE
        v_types := ARRAY['approval.cancelled'];
        v_payloads := ARRAY[
            jsonb_build_object('approvalId', a.id::text, 'entityType', a.entity_type, 'entityKey', a.entity_key,
                               'cancelledBy', v_user)];
    END IF;

    -- One statement for all of them; rows are numbered (steward_number_event) in the order
    -- inserted, which is the order above.
    WITH stored AS (
        INSERT INTO mdm_event (id, tenant_id, type, version, occurred_at, actor_id, actor_role, correlation_id, payload)
        SELECT gen_random_uuid(), v_tenant, e.type, 1, v_now, v_user, v_role, a.id, e.payload
          FROM unnest(v_types, v_payloads) WITH ORDINALITY AS e (type, payload, position)
         ORDER BY e.position
        RETURNING *)
    SELECT json_agg(json_build_object('id', s.id, 'seq', s.seq, 'type', s.type, 'version', s.version,
                                      'tenantId', s.tenant_id, 'occurredAt', v_occurred,
                                      'actor', json_build_object('actorId', s.actor_id, 'role', s.actor_role),
                                      'correlationId', s.correlation_id, 'payload', s.payload)
                    ORDER BY s.seq)
      INTO events FROM stored s;
    decided := a;
END
$$;

-- steward_decide_with_events without the events: the stored row (SPEC section 8).
CREATE FUNCTION steward_decide(p_id uuid, p_decision text, p_reason text, p_expected_entity_version bigint)
    RETURNS SETOF mdm_approval
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$ SELECT (d.decided).* FROM steward_decide_with_events(p_id, p_decision, p_reason, p_expected_entity_version) d $$;

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
-- Events a client may write itself: the request it has just made (its own, still pending),
-- the profiler's runs and alerts, a change of the tenant's thresholds. Decision events come
-- only from steward_decide.
CREATE POLICY record ON mdm_event FOR INSERT
    WITH CHECK (tenant_id = (SELECT steward_tenant())
                AND actor_id IN ((SELECT steward_user()), 'profiler')
                AND (type IN ('metadata.profile.started', 'metadata.profile.completed', 'metadata.profile.failed',
                              'metadata.profile.skipped', 'metadata.profile.cancelled', 'alert.fired',
                              'alert.resolved')
                     OR (type = 'approval.requested' AND actor_id = (SELECT steward_user())
                         AND EXISTS (SELECT 1 FROM mdm_approval a
                                     WHERE a.id = mdm_event.correlation_id AND a.tenant_id = mdm_event.tenant_id
                                       AND a.requested_by = (SELECT steward_user()) AND a.status = 'pending'))
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
GRANT EXECUTE ON FUNCTION steward_login(uuid, text), steward_decide(uuid, text, text, bigint),
                          steward_decide_with_events(uuid, text, text, bigint), steward_identity(), steward_tenant(),
                          steward_user(), steward_has_role(text), steward_is_member(uuid), steward_is_service(),
                          steward_is_monitor(), steward_claimed_user(), steward_entity_state(text, uuid)
    TO steward_app, steward_monitor;
