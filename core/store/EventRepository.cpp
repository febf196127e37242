#include "store/EventRepository.h"

#include "model/Approval.h"
#include "store/AuditTrail.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

const QString kColumns =
    u"seq, id, tenant_id, type, version, occurred_at, actor_id, actor_role, correlation_id, payload"_s;

Event readEvent(const QSqlQuery &query)
{
    Event event;
    event.seq = query.value(0).toLongLong();
    event.id = QUuid::fromString(query.value(1).toString());
    event.tenantId = QUuid::fromString(query.value(2).toString());
    event.type = query.value(3).toString();
    event.version = query.value(4).toInt();
    event.occurredAt = fromIsoTimestamp(query.value(5).toString());
    event.actorId = query.value(6).toString();
    event.actorRole = query.value(7).toString();
    event.correlationId = QUuid::fromString(query.value(8).toString());
    event.payload = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
    return event;
}

Result<QList<Event>> readAll(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    QList<Event> events;
    while (query.value().next())
        events.append(readEvent(query.value()));
    return events;
}

} // namespace

EventRepository::EventRepository(Database &database) : m_database(database) {}

Status EventRepository::insert(Event &event)
{
    auto query = m_database.run(
        u"INSERT INTO mdm_event (id, tenant_id, type, version, occurred_at, actor_id, actor_role, correlation_id, "
        u"payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq"_s,
        {uuidText(event.id), uuidText(event.tenantId), event.type, event.version, toIsoTimestamp(event.occurredAt),
         event.actorId, event.actorRole,
         event.correlationId.isNull() ? QVariant() : QVariant(uuidText(event.correlationId)),
         QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact))});
    if (!query)
        return query.error();
    if (!query.value().next())
        return databaseError(query.value().lastError());
    event.seq = query.value().value(0).toLongLong();
    query.value().finish();
    // Sealed onto the tenant's audit chain in the same transaction (where the database
    // does not do it itself).
    return AuditTrail(m_database).seal(event.seq);
}

Result<QList<Event>> EventRepository::list(const QUuid &tenantId, const EventQuery &query) const
{
    QString sql = u"SELECT "_s + kColumns + u" FROM mdm_event WHERE tenant_id = ? AND seq > ?"_s;
    QVariantList values{uuidText(tenantId), query.afterSeq};
    if (query.type.endsWith(u'*')) {
        sql += u" AND substr(type, 1, ?) = ?"_s;
        const QString prefix = query.type.chopped(1);
        values << prefix.size() << prefix;
    } else if (!query.type.isEmpty()) {
        sql += u" AND type = ?"_s;
        values << query.type;
    }
    sql += query.newestFirst ? u" ORDER BY seq DESC LIMIT ?"_s : u" ORDER BY seq ASC LIMIT ?"_s;
    values << query.limit;
    return readAll(m_database.run(sql, values));
}

Result<QList<Event>> EventRepository::forCorrelation(const QUuid &tenantId, const QUuid &correlationId) const
{
    return readAll(m_database.run(u"SELECT "_s + kColumns
                                      + u" FROM mdm_event WHERE tenant_id = ? AND correlation_id = ? ORDER BY seq"_s,
                                  {uuidText(tenantId), uuidText(correlationId)}));
}

} // namespace steward
