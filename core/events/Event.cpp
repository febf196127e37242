#include "events/Event.h"

#include "model/Approval.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

struct KindName
{
    EventKind kind;
    const char16_t *name;
};

// The one table between kinds and their names.
constexpr KindName kKindNames[] = {
    {EventKind::ApprovalRequested, EventType::ApprovalRequested},
    {EventKind::ApprovalApproved, EventType::ApprovalApproved},
    {EventKind::ApprovalRejected, EventType::ApprovalRejected},
    {EventKind::ApprovalCancelled, EventType::ApprovalCancelled},
    {EventKind::MetadataApproved, EventType::MetadataApproved},
    {EventKind::MetadataChanged, EventType::MetadataChanged},
    {EventKind::MetadataProfileDue, EventType::MetadataProfileDue},
    {EventKind::KpiApproved, EventType::KpiApproved},
    {EventKind::KpiChanged, EventType::KpiChanged},
    {EventKind::BusinessRuleChanged, EventType::BusinessRuleChanged},
    {EventKind::GlossaryTermUpdated, EventType::GlossaryTermUpdated},
    {EventKind::ProfileStarted, EventType::ProfileStarted},
    {EventKind::ProfileCompleted, EventType::ProfileCompleted},
    {EventKind::ProfileFailed, EventType::ProfileFailed},
    {EventKind::ProfileCancelled, EventType::ProfileCancelled},
    {EventKind::ProfileSkipped, EventType::ProfileSkipped},
    {EventKind::AlertFired, EventType::AlertFired},
    {EventKind::AlertResolved, EventType::AlertResolved},
};

} // namespace

EventKind eventKind(QStringView type)
{
    for (const KindName &entry : kKindNames) {
        if (type == QStringView(entry.name))
            return entry.kind;
    }
    return EventKind::Unknown;
}

QString eventTypeName(EventKind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

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

std::optional<Event> Event::fromJson(const QJsonObject &json)
{
    Event event;
    event.id = QUuid::fromString(json.value(u"id"_s).toString());
    event.seq = json.value(u"seq"_s).toInteger();
    event.type = json.value(u"type"_s).toString();
    event.version = json.value(u"version"_s).toInt(1);
    event.tenantId = QUuid::fromString(json.value(u"tenantId"_s).toString());
    event.occurredAt = fromIsoTimestamp(json.value(u"occurredAt"_s).toString());
    const QJsonObject actor = json.value(u"actor"_s).toObject();
    event.actorId = actor.value(u"actorId"_s).toString();
    event.actorRole = actor.value(u"role"_s).toString();
    event.correlationId = QUuid::fromString(json.value(u"correlationId"_s).toString());
    event.payload = json.value(u"payload"_s).toObject();
    if (event.id.isNull() || event.type.isEmpty() || event.tenantId.isNull() || !event.occurredAt.isValid()
        || !json.value(u"payload"_s).isObject())
        return std::nullopt;
    return event;
}

} // namespace steward
