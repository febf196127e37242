#include "approval/ApprovalEvents.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Events carry Qt's JSON (the envelope of SPEC section 4).
QJsonObject stateOf(const EntitySnapshot &snapshot)
{
    return json::toQJsonValue(snapshot.document).toObject();
}

QJsonValue stateOrNull(const std::optional<EntitySnapshot> &snapshot)
{
    return snapshot ? QJsonValue(stateOf(*snapshot)) : QJsonValue();
}

} // namespace

ApprovalEvents::ApprovalEvents(const Approval &approval, const QString &actorId, const QString &actorRole,
                               const QDateTime &at)
    : m_approval(approval), m_actorId(actorId), m_actorRole(actorRole), m_at(at)
{
}

Event ApprovalEvents::make(const char16_t *type, const QJsonObject &payload) const
{
    return Event::make(QString::fromUtf16(type), m_approval.tenantId, m_actorId, m_actorRole, m_approval.id, payload,
                       m_at);
}

Event ApprovalEvents::approvalApproved() const
{
    return make(EventType::ApprovalApproved, {{u"approvalId"_s, uuidText(m_approval.id)},
                                              {u"entityType"_s, toString(m_approval.entityType)},
                                              {u"entityKey"_s, m_approval.entityKey},
                                              {u"approvedBy"_s, m_actorId}});
}

QList<Event> ApprovalEvents::requested() const
{
    return {make(EventType::ApprovalRequested, {{u"approvalId"_s, uuidText(m_approval.id)},
                                                {u"entityType"_s, toString(m_approval.entityType)},
                                                {u"entityKey"_s, m_approval.entityKey},
                                                {u"tier"_s, toString(m_approval.tier)},
                                                {u"lane"_s, toString(m_approval.lane)},
                                                {u"requiredRole"_s, toString(m_approval.requiredRole)},
                                                {u"requestedBy"_s, m_approval.requestedBy}})};
}

QList<Event> ApprovalEvents::approved(const std::optional<EntitySnapshot> &before, const EntitySnapshot &after,
                                      const std::optional<EntitySnapshot> &field) const
{
    const QString tier = toString(m_approval.tier);
    const QString entityId = uuidText(after.id);
    const QString key = after.canonicalKey;
    const QJsonObject afterState = stateOf(after);
    QList<Event> events;

    switch (m_approval.entityType) {
    case EntityType::GlobalMetadata:
        events << make(EventType::MetadataApproved, {{u"approvalId"_s, uuidText(m_approval.id)},
                                                     {u"entityId"_s, entityId},
                                                     {u"canonicalKey"_s, key},
                                                     {u"tier"_s, tier},
                                                     {u"approvedBy"_s, m_actorId}});
        events << make(EventType::MetadataChanged, {{u"changeType"_s, u"APPROVAL"_s},
                                                    {u"entityId"_s, entityId},
                                                    {u"canonicalKey"_s, key},
                                                    {u"tier"_s, tier},
                                                    {u"before"_s, stateOrNull(before)},
                                                    {u"after"_s, afterState}});
        if (isCritical(m_approval.tier)) {
            const QJsonValue urn = afterState.value(u"entityUrn"_s);
            events << make(EventType::MetadataProfileDue, {{u"canonicalKey"_s, key},
                                                           {u"entityUrn"_s, urn.isUndefined() ? QJsonValue() : urn},
                                                           {u"tier"_s, tier},
                                                           {u"priority"_s, u"high"_s},
                                                           {u"reason"_s, u"STRUCTURAL_CHANGE"_s}});
        }
        break;
    case EntityType::Kpi:
        events << make(EventType::KpiApproved, {{u"approvalId"_s, uuidText(m_approval.id)},
                                                {u"entityId"_s, entityId},
                                                {u"canonicalKey"_s, key},
                                                {u"tier"_s, tier},
                                                {u"approvedBy"_s, m_actorId}});
        events << make(EventType::KpiChanged, {{u"changeType"_s, u"APPROVAL"_s},
                                               {u"entityId"_s, entityId},
                                               {u"canonicalKey"_s, key},
                                               {u"tier"_s, tier},
                                               {u"before"_s, stateOrNull(before)},
                                               {u"after"_s, afterState}});
        break;
    case EntityType::BusinessRule: {
        events << make(EventType::BusinessRuleChanged,
                       {{u"changeType"_s, u"APPROVAL"_s},
                        {u"approvalId"_s, uuidText(m_approval.id)},
                        {u"entityId"_s, entityId},
                        {u"canonicalKey"_s, key},
                        {u"appliesTo"_s, afterState.value(u"appliesTo"_s)},
                        {u"before"_s, stateOrNull(before)},
                        {u"after"_s, afterState}});
        if (field) {
            const QJsonObject fieldState = stateOf(*field);
            const QJsonValue urn = fieldState.value(u"entityUrn"_s);
            const QJsonValue fieldTier = fieldState.value(u"tier"_s);
            events << make(EventType::MetadataProfileDue,
                           {{u"canonicalKey"_s, field->canonicalKey},
                            {u"entityUrn"_s, urn.isUndefined() ? QJsonValue() : urn},
                            {u"tier"_s, fieldTier.isUndefined() ? QJsonValue() : fieldTier},
                            {u"priority"_s, u"high"_s},
                            {u"reason"_s, u"RULE_CHANGE"_s}});
        }
        break;
    }
    case EntityType::Glossary:
        events << make(EventType::GlossaryTermUpdated, {{u"approvalId"_s, uuidText(m_approval.id)},
                                                        {u"entityId"_s, entityId},
                                                        {u"canonicalKey"_s, key},
                                                        {u"term"_s, afterState.value(u"term"_s)},
                                                        {u"before"_s, stateOrNull(before)},
                                                        {u"after"_s, afterState}});
        break;
    }
    events << approvalApproved();
    return events;
}

QList<Event> ApprovalEvents::rejected(const QString &reason) const
{
    return {make(EventType::ApprovalRejected, {{u"approvalId"_s, uuidText(m_approval.id)},
                                               {u"entityType"_s, toString(m_approval.entityType)},
                                               {u"entityKey"_s, m_approval.entityKey},
                                               {u"rejectedBy"_s, m_actorId},
                                               {u"reason"_s, reason}})};
}

QList<Event> ApprovalEvents::cancelled() const
{
    return {make(EventType::ApprovalCancelled, {{u"approvalId"_s, uuidText(m_approval.id)},
                                                {u"entityType"_s, toString(m_approval.entityType)},
                                                {u"entityKey"_s, m_approval.entityKey},
                                                {u"cancelledBy"_s, m_actorId}})};
}

} // namespace steward
