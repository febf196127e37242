#include "model/Approval.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace steward {

QString toIsoTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIsoTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    return time.toUTC();
}

QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

json::Node layPayloadOver(const std::optional<json::Node> &current, const json::Node &payload)
{
    if (!payload.isObject())
        return payload;
    if (!current || !current->isObject())
        return payload;
    json::Node state = *current;
    for (const auto &[key, value] : payload.members())
        state.setMember(key, value);
    return state;
}

json::Node Approval::requestedState() const
{
    return layPayloadOver(currentState, payload);
}

QJsonObject Approval::toJson() const
{
    QJsonObject json{
        {u"id"_s, uuidText(id)},
        {u"tenantId"_s, uuidText(tenantId)},
        {u"entityType"_s, toString(entityType)},
        {u"entityId"_s, entityId.isNull() ? QJsonValue() : QJsonValue(uuidText(entityId))},
        {u"entityKey"_s, entityKey},
        {u"tier"_s, toString(tier)},
        {u"lane"_s, toString(lane)},
        {u"payload"_s, json::toQJsonValue(payload)},
        {u"currentState"_s, currentState ? json::toQJsonValue(*currentState) : QJsonValue()},
        {u"status"_s, toString(status)},
        {u"decisionReason"_s, decisionReason.isNull() ? QJsonValue() : QJsonValue(decisionReason)},
        {u"requestedBy"_s, requestedBy},
        {u"decidedBy"_s, decidedBy.isEmpty() ? QJsonValue() : QJsonValue(decidedBy)},
        {u"requestedAt"_s, toIsoTimestamp(requestedAt)},
        {u"decidedAt"_s, decidedAt.isValid() ? QJsonValue(toIsoTimestamp(decidedAt)) : QJsonValue()},
        {u"requiredRole"_s, toString(requiredRole)},
    };
    if (baseVersion)
        json.insert(u"baseVersion"_s, *baseVersion);
    return json;
}

} // namespace steward
