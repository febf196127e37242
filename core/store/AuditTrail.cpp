#include "store/AuditTrail.h"

#include "Tr.h"
#include "events/AuditSeal.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <QSqlError>

#include <limits>
#include <vector>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kSealPage = 1000;

// The sealed columns as the dialect reads them, then prev_hash and hash. (An output
// column keeps its column's name on PostgreSQL: ORDER BY says mdm_event.seq, the number.)
QString sealedColumns(const SqlDialect &dialect)
{
    QStringList columns;
    for (const char16_t *column : AuditSeal::kColumns)
        columns.append(dialect.auditText(QString::fromUtf16(column)));
    return columns.join(u", "_s) + u", prev_hash, hash"_s;
}

QVariantList sealedValues(const QSqlQuery &query)
{
    QVariantList values;
    values.reserve(AuditSeal::kColumnCount);
    for (int i = 0; i < AuditSeal::kColumnCount; ++i)
        values.append(query.value(i));
    return values;
}

struct Unsealed
{
    qint64 seq = 0;
    QByteArray canonical;
};

Status store(Database &database, qint64 seq, const QVariant &previousHash, const QString &hash)
{
    auto updated =
        database.runCached(u"UPDATE mdm_event SET prev_hash = ?, hash = ? WHERE seq = ?"_s, {previousHash, hash, seq});
    if (!updated)
        return updated.error();
    return std::nullopt;
}

} // namespace

QString AuditBreak::text() const
{
    const QString id = uuidText(eventId);
    switch (reason) {
    case Reason::Unsealed:
        return CoreTr::tr("the event at seq %1 (id %2) carries no seal").arg(seq).arg(id);
    case Reason::Unlinked:
        return previousSeq > 0
                   ? CoreTr::tr("the event at seq %1 (id %2) does not follow the event before it (seq %3): an event "
                                "was deleted, moved or inserted")
                         .arg(seq)
                         .arg(id)
                         .arg(previousSeq)
                   : CoreTr::tr("the event at seq %1 (id %2) does not start the chain: an event before it was "
                                "deleted or moved")
                         .arg(seq)
                         .arg(id);
    case Reason::Altered:
        break;
    }
    return CoreTr::tr("the event at seq %1 (id %2) does not match its seal: it was changed after it was written")
        .arg(seq)
        .arg(id);
}

QString AuditVerification::statement() const
{
    if (broken)
        return CoreTr::tr("not verified: %1 (%2 events before it verified)").arg(broken->text()).arg(checked);
    return CoreTr::tr("verified: %1 events checked, head hash %2 (seq %3)").arg(checked).arg(headHash).arg(headSeq);
}

AuditTrail::AuditTrail(Database &database) : m_database(database) {}

Status AuditTrail::seal(qint64 seq)
{
    if (m_database.dialect().sealsEventsItself())
        return std::nullopt;
    QVariantList columns;
    QVariant previous;
    {
        // The tenant's event before it, by seq: its hash, '' when it has none (so the
        // unsealed one is what verification names), NULL when this is the first.
        auto row = m_database.runCached(
            u"SELECT "_s + sealedColumns(m_database.dialect())
                + u", (SELECT COALESCE(p.hash, '') FROM mdm_event p WHERE p.tenant_id = mdm_event.tenant_id "
                  u"AND p.seq < mdm_event.seq ORDER BY p.seq DESC LIMIT 1) FROM mdm_event WHERE seq = ?"_s,
            {seq});
        if (!row)
            return row.error();
        if (!row.value()->next())
            return Error::make(ErrorCode::NotFound, CoreTr::tr("no event with seq %1 to seal").arg(seq));
        columns = sealedValues(*row.value());
        previous = row.value()->value(AuditSeal::kColumnCount + 2);
    }
    const QString previousHash = previous.isNull() ? AuditSeal::genesisHash() : previous.toString();
    return store(m_database, seq, previousHash, AuditSeal::hash(previousHash, AuditSeal::canonicalText(columns)));
}

Status AuditTrail::sealAll()
{
    auto tenants = m_database.texts(u"SELECT DISTINCT tenant_id FROM mdm_event"_s);
    if (!tenants)
        return tenants.error();
    for (const QString &tenant : tenants.value()) {
        if (auto failed = sealTenant(tenant))
            return failed;
    }
    return std::nullopt;
}

Status AuditTrail::sealTenant(const QString &tenantId)
{
    QString previous = AuditSeal::genesisHash();
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        // A page at a time, read before it is written.
        std::vector<Unsealed> page;
        {
            auto rows = m_database.run(u"SELECT "_s + sealedColumns(m_database.dialect())
                                           + u" FROM mdm_event WHERE tenant_id = ? AND seq > ? ORDER BY mdm_event.seq LIMIT ?"_s,
                                       {tenantId, after, kSealPage});
            if (!rows)
                return rows.error();
            while (rows.value().next())
                page.push_back({rows.value().value(0).toLongLong(), AuditSeal::canonicalText(sealedValues(rows.value()))});
        }
        for (const Unsealed &event : page) {
            const QString hash = AuditSeal::hash(previous, event.canonical);
            if (auto failed = store(m_database, event.seq, previous, hash))
                return failed;
            previous = hash;
            after = event.seq;
        }
        if (page.size() < std::size_t(kSealPage))
            return std::nullopt;
    }
}

Result<AuditVerification> AuditTrail::verify(const QUuid &tenantId) const
{
    auto rows = m_database.run(u"SELECT "_s + sealedColumns(m_database.dialect())
                                   + u" FROM mdm_event WHERE tenant_id = ? ORDER BY mdm_event.seq"_s,
                               {uuidText(tenantId)});
    if (!rows)
        return rows.error();
    QSqlQuery &query = rows.value();
    AuditVerification result;
    result.headHash = AuditSeal::genesisHash();
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        const QVariant previous = query.value(AuditSeal::kColumnCount);
        const QVariant stored = query.value(AuditSeal::kColumnCount + 1);
        std::optional<AuditBreak::Reason> reason;
        if (previous.isNull() || stored.isNull())
            reason = AuditBreak::Reason::Unsealed;
        else if (previous.toString() != result.headHash)
            reason = AuditBreak::Reason::Unlinked;
        else if (AuditSeal::hash(previous.toString(), AuditSeal::canonicalText(sealedValues(query)))
                 != stored.toString())
            reason = AuditBreak::Reason::Altered;
        if (reason) {
            result.broken = AuditBreak{seq, QUuid::fromString(query.value(1).toString()), *reason, result.headSeq};
            break;
        }
        ++result.checked;
        result.headSeq = seq;
        result.headHash = stored.toString();
    }
    if (query.lastError().isValid())
        return m_database.error(query.lastError());
    return result;
}

} // namespace steward
