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

QString storedTimestampText(const QVariant &value)
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return toIsoTimestamp(value.toDateTime());
    return value.toString();
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

json::Node Approval::toJsonNode(bool withDocuments) const
{
    using json::Node;
    const auto text = [](const QString &value) { return Node::string(value); };
    const auto optionalText = [](const QString &value) { return value.isEmpty() ? Node::null() : Node::string(value); };
    const auto time = [](const QDateTime &value) {
        return value.isValid() ? Node::string(toIsoTimestamp(value)) : Node::null();
    };
    QList<Node::Member> members{
        {u"id"_s, text(uuidText(id))},
        {u"tenantId"_s, text(uuidText(tenantId))},
        {u"entityType"_s, text(toString(entityType))},
        {u"entityId"_s, optionalText(uuidText(entityId))},
        {u"entityKey"_s, text(entityKey)},
        {u"tier"_s, text(toString(tier))},
        {u"lane"_s, text(toString(lane))},
    };
    if (withDocuments) {
        members.append({u"payload"_s, payload});
        members.append({u"currentState"_s, currentState.value_or(Node::null())});
    }
    members.append({u"status"_s, text(toString(status))});
    members.append({u"decisionReason"_s, decisionReason.isNull() ? Node::null() : text(decisionReason)});
    members.append({u"requestedBy"_s, text(requestedBy)});
    members.append({u"decidedBy"_s, optionalText(decidedBy)});
    members.append({u"requestedAt"_s, text(toIsoTimestamp(requestedAt))});
    members.append({u"decidedAt"_s, time(decidedAt)});
    members.append({u"requiredRole"_s, text(toString(requiredRole))});
    if (baseVersion)
        members.append({u"baseVersion"_s, Node::number(QString::number(*baseVersion))});
    return Node::object(std::move(members));
}

QJsonObject Approval::toJson() const
{
    return json::toQJsonValue(toJsonNode(true)).toObject();
}

} // namespace steward
