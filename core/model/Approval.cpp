#include "model/Approval.h"

#include <QJsonValue>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace steward {

QString toIsoTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

namespace {

// `count` decimal digits of `text` from `at`, or -1.
int digits(const QString &text, int at, int count)
{
    int value = 0;
    for (int i = at; i < at + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The form toIsoTimestamp writes, "2025-03-03T09:00:00.000Z", read without Qt's general
// parser, which looks the local time zone up (a file system call) on every timestamp.
QDateTime fromUtcMilliseconds(const QString &text)
{
    if (text.size() != 24 || text.at(4) != u'-' || text.at(7) != u'-' || text.at(10) != u'T' || text.at(13) != u':'
        || text.at(16) != u':' || text.at(19) != u'.' || text.at(23) != u'Z')
        return {};
    const int fields[] = {digits(text, 0, 4),  digits(text, 5, 2),  digits(text, 8, 2),  digits(text, 11, 2),
                          digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 3)};
    if (std::find(std::begin(fields), std::end(fields), -1) != std::end(fields))
        return {};
    const QDate date(fields[0], fields[1], fields[2]);
    const QTime time(fields[3], fields[4], fields[5], fields[6]);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime fromIsoTimestamp(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (const QDateTime utc = fromUtcMilliseconds(text); utc.isValid())
        return utc;
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
