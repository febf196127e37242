#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantList>

#include <iterator>

namespace steward::AuditSeal {

// The one definition of the audit chain's seal (SPEC section 9), which the PostgreSQL
// trigger (sql/postgresql/migrations/0008-audit-chain.sql) computes the same way:
//
//   hash = lower-case hex of SHA-256( prev_hash || canonical text of the event )
//
// prev_hash is the hash of the tenant's event before it (by seq), or 64 zeros for the
// tenant's first event. The canonical text is "mdm_event/1\n", then each stored column in
// the order of kColumns: "~\n" for NULL, else "<UTF-8 byte length>:<text>\n". The text of
// a column is what the database returns for it (SqlDialect::auditText): integers in
// decimal, UUIDs as stored, occurred_at as 2025-03-03T09:00:00.000Z, the payload exactly
// as stored (PostgreSQL: jsonb's text form). The length prefixes keep the text
// unambiguous; seq makes a reordered event fail and prev_hash a deleted one.

// mdm_event's columns the seal covers, in canonical order.
inline constexpr const char16_t *kColumns[] = {u"seq",       u"id",       u"tenant_id",  u"type",           u"version",
                                               u"occurred_at", u"actor_id", u"actor_role", u"correlation_id", u"payload"};
inline constexpr int kColumnCount = int(std::size(kColumns));

// The prev_hash of a tenant's first event.
QString genesisHash();

// The canonical text of one event from its stored columns (kColumns order; a null
// QVariant is NULL; a QByteArray holds the text's UTF-8 bytes).
QByteArray canonicalText(const QVariantList &columns);

// The seal of an event whose canonical text is `canonical`, chained to `previousHash`.
QString hash(const QString &previousHash, const QByteArray &canonical);

} // namespace steward::AuditSeal
