#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <optional>

namespace steward {

// Every kind of event the product publishes (SPEC section 4), for subscribers that switch
// on it instead of comparing type names. Unknown: a type this build does not know.
enum class EventKind {
    Unknown,
    ApprovalRequested,
    ApprovalApproved,
    ApprovalRejected,
    ApprovalCancelled,
    MetadataApproved,
    MetadataChanged,
    MetadataProfileDue,
    KpiApproved,
    KpiChanged,
    BusinessRuleChanged,
    GlossaryTermUpdated,
    ProfileStarted,
    ProfileCompleted,
    ProfileFailed,
    ProfileCancelled,
    ProfileSkipped,
    AlertFired,
    AlertResolved,
};

// The kind a type name stands for, and back (Unknown has no name).
EventKind eventKind(QStringView type);
QString eventTypeName(EventKind kind);

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
    // The event toJson() wrote (a stored one, with its seq); nothing when `json` is not one.
    static std::optional<Event> fromJson(const QJsonObject &json);
    EventKind kind() const { return eventKind(type); }
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
inline constexpr char16_t ProfileStarted[] = u"metadata.profile.started";
inline constexpr char16_t ProfileCompleted[] = u"metadata.profile.completed";
inline constexpr char16_t ProfileFailed[] = u"metadata.profile.failed";
inline constexpr char16_t ProfileCancelled[] = u"metadata.profile.cancelled";
inline constexpr char16_t ProfileSkipped[] = u"metadata.profile.skipped";
inline constexpr char16_t AlertFired[] = u"alert.fired";
inline constexpr char16_t AlertResolved[] = u"alert.resolved";
} // namespace EventType

} // namespace steward

Q_DECLARE_METATYPE(steward::Event)
