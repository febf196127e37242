#include "events/Event.h"

#include "model/Approval.h"

using namespace Qt::StringLiterals;

namespace steward {

Event Event::make(const QString &type, const QUuid &tenantId, const QString &actorId, const QString &actorRole,
                  const QUuid &correlationId, const QJsonObject &payload, const QDateTime &occurredAt)
{
    Event event;
    event.id = QUuid::createUuid();
    event.type = type;
    event.tenantId = tenantId;
    event.occurredAt = occurredAt;
    event.actorId = actorId;
    event.actorRole = actorRole;
    event.correlationId = correlationId;
    event.payload = payload;
    return event;
}

QJsonObject Event::toJson() const
{
    return QJsonObject{
        {u"id"_s, uuidText(id)},
        {u"seq"_s, seq},
        {u"type"_s, type},
        {u"version"_s, version},
        {u"tenantId"_s, uuidText(tenantId)},
        {u"occurredAt"_s, toIsoTimestamp(occurredAt)},
        {u"actor"_s, QJsonObject{{u"actorId"_s, actorId}, {u"role"_s, actorRole}}},
        {u"correlationId"_s, correlationId.isNull() ? QJsonValue() : QJsonValue(uuidText(correlationId))},
        {u"payload"_s, payload},
    };
}

} // namespace steward
