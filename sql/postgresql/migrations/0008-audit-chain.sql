-- Schema version 8 on PostgreSQL: the tamper-evident audit trail (SPEC section 9). Each
-- tenant's events form a hash chain in seq order:
--   hash = hex(SHA-256(prev_hash || canonical text of the event))
-- with prev_hash the hash of the tenant's event before it, or 64 zeros for its first.
-- The canonical text is defined once, in core/events/AuditSeal.h: "mdm_event/1\n", then
-- for each column of steward_event_fields "~\n" for NULL, else "<UTF-8 byte length>:<text>\n".
-- steward-cli verify-audit recomputes it on the client from the same column texts.
-- The seal is written by the numbering trigger, under the tenant's event lock held until
-- commit, so concurrent writers line up and never fork a chain. steward_app still may
-- not UPDATE or DELETE events: the chain is for whoever edits the database behind the
-- program's back. Runs as steward_owner after version 7.

ALTER TABLE mdm_event ADD COLUMN prev_hash text, ADD COLUMN hash text;

-- The columns the seal covers, as text, in AuditSeal::kColumns order; the client reads the
-- same texts (PostgresDialect::auditText).
CREATE FUNCTION steward_event_fields(e mdm_event) RETURNS text[]
    LANGUAGE sql STABLE
AS $$
    SELECT ARRAY[e.seq::text, e.id::text, e.tenant_id::text, e.type, e.version::text,
                 to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 e.actor_id, e.actor_role, e.correlation_id::text, e.payload::text]
$$;

CREATE FUNCTION steward_event_hash(p_previous text, p_fields text[]) RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT encode(sha256(convert_to(p_previous || 'mdm_event/1' || chr(10)
                                    || string_agg(CASE WHEN f.field_text IS NULL THEN '~'
                                                       ELSE octet_length(f.field_text)::text || ':' || f.field_text END
                                                  || chr(10), '' ORDER BY f.field_number),
                                    'UTF8')),
                  'hex')
      FROM unnest(p_fields) WITH ORDINALITY AS f (field_text, field_number)
$$;

-- Numbers the event (as version 6 did) and seals it onto its tenant's chain. The head is
-- read after the lock is taken, so it is the last committed event of the tenant or one
-- this transaction wrote before (also in the same statement).
CREATE OR REPLACE FUNCTION steward_number_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('steward_events:' || NEW.tenant_id::text, 0));
    NEW.seq := nextval('mdm_event_seq_number');
    SELECT COALESCE(e.hash, '') INTO NEW.prev_hash
      FROM mdm_event e WHERE e.tenant_id = NEW.tenant_id ORDER BY e.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        NEW.prev_hash := repeat('0', 64);
    END IF;
    NEW.hash := steward_event_hash(NEW.prev_hash, steward_event_fields(NEW));
    RETURN NEW;
END
$$;

-- Seals a tenant's events from seq `p_from_seq` on again, in seq order: for this upgrade,
-- and for the schema's owner after it rewrote history on purpose (the demo's decisions
-- dated back). Returns how many events it sealed. Not granted to anyone.
CREATE FUNCTION steward_reseal_events(p_tenant uuid, p_from_seq bigint) RETURNS bigint
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    v_previous text;
    v_event mdm_event;
    v_hash text;
    v_count bigint := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('steward_events:' || p_tenant::text, 0));
    SELECT COALESCE(e.hash, '') INTO v_previous
      FROM mdm_event e WHERE e.tenant_id = p_tenant AND e.seq < p_from_seq ORDER BY e.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        v_previous := repeat('0', 64);
    END IF;
    FOR v_event IN SELECT * FROM mdm_event e WHERE e.tenant_id = p_tenant AND e.seq >= p_from_seq ORDER BY e.seq LOOP
        v_hash := steward_event_hash(v_previous, steward_event_fields(v_event));
        UPDATE mdm_event SET prev_hash = v_previous, hash = v_hash WHERE seq = v_event.seq;
        v_previous := v_hash;
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END
$$;

SELECT steward_reseal_events(t.tenant_id, 0) FROM (SELECT DISTINCT tenant_id FROM mdm_event) t;

REVOKE ALL ON FUNCTION steward_event_fields(mdm_event), steward_event_hash(text, text[]),
                       steward_reseal_events(uuid, bigint) FROM PUBLIC;
