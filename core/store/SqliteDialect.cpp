#include "store/SqliteDialect.h"

#include "store/AuditTrail.h"
#include "store/Database.h"

#include <QSqlDatabase>

using namespace Qt::StringLiterals;

namespace steward {

SqliteDialect::SqliteDialect(const QString &databasePath) : m_storageFailure(databasePath) {}

QString SqliteDialect::driverName() const { return u"QSQLITE"_s; }

void SqliteDialect::configure(QSqlDatabase &database) const
{
    database.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
}

QStringList SqliteDialect::sessionStatements() const
{
    return {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA foreign_keys=ON"_s, u"PRAGMA synchronous=NORMAL"_s};
}

QString SqliteDialect::beginWriteStatement() const { return u"BEGIN IMMEDIATE"_s; }

QString SqliteDialect::containsIgnoringCase(const QString &column) const
{
    // SQLite's LIKE is case-insensitive for ASCII already.
    return column + u" LIKE ? ESCAPE '\\'"_s;
}

QString SqliteDialect::dayOf(const QString &timestamp) const
{
    // Timestamps are stored as ISO-8601 UTC text: the day is the first ten characters.
    return u"substr(%1, 1, 10)"_s.arg(timestamp);
}

QString SqliteDialect::isoTimestamp(const QString &timestamp) const
{
    return timestamp; // stored in that form
}

QString SqliteDialect::secondsBetween(const QString &from, const QString &to) const
{
    return u"((julianday(%2) - julianday(%1)) * 86400.0)"_s.arg(from, to);
}

QString SqliteDialect::jsonMemberText(const QString &json, const QString &member) const
{
    return u"json_extract(%1, '$.%2')"_s.arg(json, member);
}

QString SqliteDialect::exactJsonColumn(const QString &column) const
{
    return column; // TEXT, stored as submitted
}

QString SqliteDialect::exactJsonBytes(const QString &column) const
{
    return u"CAST(%1 AS BLOB)"_s.arg(exactJsonColumn(column)); // the stored bytes, never widened to UTF-16
}

QString SqliteDialect::auditText(const QString &column) const
{
    // Every column is stored as that text already; as a BLOB the driver hands over its
    // UTF-8 bytes instead of widening them to UTF-16 (what AuditSeal hashes).
    return u"CAST(CAST(%1 AS TEXT) AS BLOB)"_s.arg(column);
}

bool SqliteDialect::sealsEventsItself() const
{
    return false; // EventRepository seals in the writing transaction (AuditTrail::seal)
}

QString SqliteDialect::readSnapshotStatement() const
{
    return {}; // a read transaction sees one snapshot from its first read on
}

QString SqliteDialect::signInStatement() const
{
    return {}; // one file, one person: the program's checks are the guard
}

QString SqliteDialect::decisionFunction() const
{
    return {}; // ApprovalService applies decisions in its write transaction
}

Error SqliteDialect::translate(const QSqlError &error) const
{
    if (auto storage = m_storageFailure.explain(error))
        return *storage;
    return databaseError(error);
}

namespace {

// mdm_event as version 1 created it, and as version 5 rebuilt it with the tenant's key.
QString eventTable(const QString &name, const QString &tenantConstraint)
{
    return uR"(CREATE TABLE %1 (
              seq INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL UNIQUE,
              tenant_id TEXT %2,
              type TEXT NOT NULL,
              version INTEGER NOT NULL DEFAULT 1,
              occurred_at TEXT NOT NULL,
              actor_id TEXT,
              actor_role TEXT,
              correlation_id TEXT,
              payload TEXT NOT NULL CHECK (json_valid(payload))))"_s
        .arg(name, tenantConstraint);
}

} // namespace

QList<Migration> SqliteDialect::migrations() const
{
    Migration initial{1, u"SPEC section 3 schema"_s, {}};
    initial.statements = QStringList{
        uR"(CREATE TABLE mdm_tenant (
              id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              created_at TEXT NOT NULL))"_s,
        uR"(CREATE TABLE mdm_user_role (
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              user_id TEXT NOT NULL,
              role TEXT NOT NULL CHECK (role IN ('kernel_architect','metadata_steward','data_owner','viewer')),
              display_name TEXT,
              PRIMARY KEY (tenant_id, user_id, role)))"_s,
        uR"(CREATE TABLE mdm_approval (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              entity_type TEXT NOT NULL CHECK (entity_type IN ('GLOBAL_METADATA','KPI','BUSINESS_RULE','GLOSSARY')),
              entity_id TEXT,
              entity_key TEXT,
              tier TEXT NOT NULL CHECK (tier IN ('tier1','tier2','tier3','tier4','tier5')),
              lane TEXT NOT NULL CHECK (lane IN ('kernel','governed','draft')),
              payload TEXT NOT NULL CHECK (json_valid(payload)),
              current_state TEXT CHECK (current_state IS NULL OR json_valid(current_state)),
              status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected','cancelled')),
              decision_reason TEXT,
              requested_by TEXT NOT NULL,
              decided_by TEXT,
              requested_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              decided_at TEXT,
              required_role TEXT NOT NULL CHECK (required_role IN ('kernel_architect','metadata_steward','data_owner','viewer'))))"_s,
        u"CREATE INDEX mdm_approval_tenant_status ON mdm_approval (tenant_id, status)"_s,
        u"CREATE INDEX mdm_approval_tenant_entity ON mdm_approval (tenant_id, entity_type, entity_key)"_s,
        uR"(CREATE TABLE mdm_global_metadata (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              canonical_key TEXT NOT NULL,
              label TEXT, description TEXT, domain TEXT, module TEXT, entity_urn TEXT,
              tier TEXT, standard_pack_id TEXT, data_type TEXT, format TEXT,
              owner_id TEXT, steward_id TEXT, status TEXT,
              binding TEXT CHECK (binding IS NULL OR json_valid(binding)),
              version INTEGER NOT NULL DEFAULT 1,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
              UNIQUE (tenant_id, canonical_key)))"_s,
        uR"(CREATE TABLE mdm_kpi (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              canonical_key TEXT NOT NULL,
              label TEXT, description TEXT, formula TEXT,
              depends_on TEXT CHECK (depends_on IS NULL OR json_valid(depends_on)),
              tier TEXT, owner_id TEXT, status TEXT,
              version INTEGER NOT NULL DEFAULT 1,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
              UNIQUE (tenant_id, canonical_key)))"_s,
        uR"(CREATE TABLE mdm_business_rule (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              canonical_key TEXT NOT NULL,
              label TEXT, applies_to TEXT,
              rule_type TEXT CHECK (rule_type IS NULL OR rule_type IN ('not_null','unique','regex','range','enum')),
              definition TEXT CHECK (definition IS NULL OR json_valid(definition)),
              severity TEXT, status TEXT,
              version INTEGER NOT NULL DEFAULT 1,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
              UNIQUE (tenant_id, canonical_key)))"_s,
        uR"(CREATE TABLE mdm_glossary_term (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              canonical_key TEXT NOT NULL,
              term TEXT, definition TEXT,
              synonyms TEXT CHECK (synonyms IS NULL OR json_valid(synonyms)),
              related_keys TEXT CHECK (related_keys IS NULL OR json_valid(related_keys)),
              status TEXT,
              version INTEGER NOT NULL DEFAULT 1,
              created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
              UNIQUE (tenant_id, canonical_key)))"_s,
        uR"(CREATE TABLE mdm_profile (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              entity_urn TEXT, canonical_key TEXT NOT NULL, tier TEXT,
              trigger TEXT NOT NULL CHECK (trigger IN ('approval','schedule','manual','rule_change')),
              status TEXT NOT NULL CHECK (status IN ('completed','failed','cancelled')),
              completeness REAL, uniqueness REAL, validity REAL, quality_score REAL, quality_grade TEXT,
              row_count INTEGER, sampled_rows INTEGER, duration_ms INTEGER, error TEXT,
              details TEXT CHECK (details IS NULL OR json_valid(details)),
              created_at TEXT NOT NULL))"_s,
        u"CREATE INDEX mdm_profile_tenant_key ON mdm_profile (tenant_id, canonical_key, created_at)"_s,
        eventTable(u"mdm_event"_s, u"NOT NULL"_s),
        uR"(CREATE TABLE mdm_data_source (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              name TEXT NOT NULL,
              driver TEXT NOT NULL,
              host TEXT, port INTEGER, database_name TEXT, schema_name TEXT, username TEXT, path TEXT,
              created_at TEXT NOT NULL,
              UNIQUE (tenant_id, name)))"_s,
        uR"(CREATE TABLE mdm_alert (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              rule TEXT NOT NULL, canonical_key TEXT, severity TEXT,
              state TEXT NOT NULL CHECK (state IN ('firing','resolved')),
              value REAL, fired_at TEXT NOT NULL, resolved_at TEXT, acknowledged_by TEXT))"_s,
    };

    // Staleness (SPEC rule 6) needs the entity version current_state was taken from;
    // the audit trail is read per tenant, newest first.
    Migration staleness{2, u"approval base_version; event lookup index"_s, {}};
    staleness.statements = QStringList{
        u"ALTER TABLE mdm_approval ADD COLUMN base_version INTEGER"_s,
        u"CREATE INDEX mdm_event_tenant_seq ON mdm_event (tenant_id, seq)"_s,
        u"CREATE INDEX mdm_approval_tenant_requested ON mdm_approval (tenant_id, status, requested_at)"_s,
    };
    // Reports and the Quality page read decisions by the time they were taken.
    Migration decisions{3, u"approval decision-time index"_s, {}};
    decisions.statements = QStringList{
        u"CREATE INDEX mdm_approval_tenant_decided ON mdm_approval (tenant_id, decided_at, id)"_s,
    };
    // The quality dashboards (core/quality) read a tenant's runs by time and each field's
    // history newest first; both indexes cover what those queries read, so they never
    // touch the wide rows (details JSON). The field history index replaces the narrower
    // (tenant_id, canonical_key, created_at) one, which is its prefix.
    Migration quality{4, u"profile history and time indexes for the quality dashboards"_s, {}};
    quality.statements = QStringList{
        u"DROP INDEX IF EXISTS mdm_profile_tenant_key"_s,
        u"CREATE INDEX mdm_profile_field_history ON mdm_profile "
        u"(tenant_id, canonical_key, created_at, status, quality_score, quality_grade, tier)"_s,
        u"CREATE INDEX mdm_profile_tenant_time ON mdm_profile "
        u"(tenant_id, created_at, status, duration_ms, quality_score, tier)"_s,
    };
    // One source of truth: the alert thresholds belong to the tenant (mdm_tenant_setting,
    // read by every desktop, steward-cli and the metrics), every event belongs to a tenant
    // that exists (a foreign key SQLite can only add by rebuilding the table; tenants
    // that only events name are kept as tenants, so no event is lost), and the field
    // history index orders a field's runs exactly as "the latest run" does (created_at,
    // then id).
    Migration tenantRules{5, u"tenant settings; event tenant foreign key; latest-run order index"_s, {}};
    tenantRules.statements = QStringList{
        uR"(CREATE TABLE mdm_tenant_setting (
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              name TEXT NOT NULL,
              value TEXT NOT NULL,
              updated_by TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              PRIMARY KEY (tenant_id, name)))"_s,
        uR"(INSERT INTO mdm_tenant (id, name, created_at)
              SELECT e.tenant_id, e.tenant_id, MIN(e.occurred_at) FROM mdm_event e
              WHERE NOT EXISTS (SELECT 1 FROM mdm_tenant t WHERE t.id = e.tenant_id) GROUP BY e.tenant_id)"_s,
        eventTable(u"mdm_event_v5"_s, u"NOT NULL REFERENCES mdm_tenant(id)"_s),
        u"INSERT INTO mdm_event_v5 (seq, id, tenant_id, type, version, occurred_at, actor_id, actor_role, "
        u"correlation_id, payload) SELECT seq, id, tenant_id, type, version, occurred_at, actor_id, actor_role, "
        u"correlation_id, payload FROM mdm_event ORDER BY seq"_s,
        // A seq is never handed out twice, even one whose event was deleted by hand.
        u"INSERT INTO sqlite_sequence (name, seq) SELECT 'mdm_event_v5', 0 "
        u"WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'mdm_event_v5')"_s,
        u"UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT s.seq FROM sqlite_sequence s "
        u"WHERE s.name = 'mdm_event'), 0)) WHERE name = 'mdm_event_v5'"_s,
        u"DROP TABLE mdm_event"_s,
        u"ALTER TABLE mdm_event_v5 RENAME TO mdm_event"_s,
        u"CREATE INDEX mdm_event_tenant_seq ON mdm_event (tenant_id, seq)"_s,
        u"DROP INDEX mdm_profile_field_history"_s,
        u"CREATE INDEX mdm_profile_field_history ON mdm_profile "
        u"(tenant_id, canonical_key, created_at, id, status, quality_score, quality_grade, tier)"_s,
    };
    // Team mode's guard lives in PostgreSQL (PostgresDialect); an embedded file belongs to
    // one person, so the version only keeps both engines on the same numbers.
    Migration team{6, u"team mode (PostgreSQL only; nothing changes in an embedded file)"_s, {}};
    // The HTTP API: bearer tokens, kept only as their SHA-256, and the first answer to
    // each Idempotency-Key of a submission.
    Migration api{7, u"HTTP API tokens and idempotency keys"_s, {}};
    api.statements = QStringList{
        uR"(CREATE TABLE mdm_api_token (
              id TEXT PRIMARY KEY,
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              user_id TEXT NOT NULL,
              token_hash TEXT NOT NULL UNIQUE,
              created_at TEXT NOT NULL,
              expires_at TEXT,
              revoked_at TEXT))"_s,
        u"CREATE INDEX mdm_api_token_user ON mdm_api_token (tenant_id, user_id)"_s,
        uR"(CREATE TABLE mdm_api_idempotency (
              tenant_id TEXT NOT NULL REFERENCES mdm_tenant(id),
              user_id TEXT NOT NULL,
              idempotency_key TEXT NOT NULL,
              request_hash TEXT NOT NULL,
              approval_id TEXT NOT NULL REFERENCES mdm_approval(id),
              created_at TEXT NOT NULL,
              PRIMARY KEY (tenant_id, user_id, idempotency_key)))"_s,
    };
    // The tamper-evident audit trail (SPEC section 9): every event sealed onto its tenant's
    // hash chain; the events already stored are sealed in seq order here, since SQLite
    // has no SHA-256 of its own.
    Migration auditChain{8, u"audit trail hash chain (prev_hash, hash)"_s, {}};
    auditChain.statements = QStringList{
        u"ALTER TABLE mdm_event ADD COLUMN prev_hash TEXT"_s,
        u"ALTER TABLE mdm_event ADD COLUMN hash TEXT"_s,
    };
    auditChain.afterStatements = [](Database &database) { return AuditTrail(database).sealAll(); };
    return {initial, staleness, decisions, quality, tenantRules, team, api, auditChain};
}

} // namespace steward
