#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace steward {

// The event envelope of SPEC section 4. `seq` is assigned by the store.
struct Event
{
    QUuid id;
    qint64 seq = 0;
    QString type;
    int version = 1;
    QUuid tenantId;
    QDateTime occurredAt;
    QString actorId;
    QString actorRole;
    QUuid correlationId;
    QJsonObject payload;

    static Event make(const QString &type, const QUuid &tenantId, const QString &actorId, const QString &actorRole,
                      const QUuid &correlationId, const QJsonObject &payload, const QDateTime &occurredAt);
    QJsonObject toJson() const;
};

// Event type names, spelled once.
namespace EventType {
inline constexpr char16_t ApprovalRequested[] = u"approval.requested";
inline constexpr char16_t ApprovalApproved[] = u"approval.approved";
inline constexpr char16_t ApprovalRejected[] = u"approval.rejected";
inline constexpr char16_t ApprovalCancelled[] = u"approval.cancelled";
inline constexpr char16_t MetadataApproved[] = u"metadata.approved";
inline constexpr char16_t MetadataChanged[] = u"metadata.changed";
inline constexpr char16_t MetadataProfileDue[] = u"metadata.profile.due";
inline constexpr char16_t KpiApproved[] = u"kpi.approved";
inline constexpr char16_t KpiChanged[] = u"kpi.changed";
inline constexpr char16_t BusinessRuleChanged[] = u"business_rule.changed";
inline constexpr char16_t GlossaryTermUpdated[] = u"glossary.term.updated";
} // namespace EventType

} // namespace steward

Q_DECLARE_METATYPE(steward::Event)
