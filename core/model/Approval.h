#pragma once

#include "model/Types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace steward {

// One row of mdm_approval: a change request and, once decided, its decision.
struct Approval
{
    QUuid id;
    QUuid tenantId;
    EntityType entityType = EntityType::GlobalMetadata;
    QUuid entityId; // null for a create
    QString entityKey;
    Tier tier = Tier::Tier3;
    Lane lane = Lane::Governed;
    QJsonObject payload;
    std::optional<QJsonObject> currentState; // empty for a create
    // The same two documents exactly as stored: member order and number text kept.
    // The review diff reads these; payload/currentState serve validation.
    QByteArray payloadText;
    QByteArray currentStateText; // empty for a create
    std::optional<qint64> baseVersion;       // entity version current_state was taken from
    ApprovalStatus status = ApprovalStatus::Pending;
    QString decisionReason;
    QString requestedBy;
    QString decidedBy;
    QDateTime requestedAt;
    QDateTime decidedAt;
    Role requiredRole = Role::MetadataSteward;

    bool isCreate() const { return entityId.isNull(); }
    bool isPending() const { return status == ApprovalStatus::Pending; }
    // The entity as it would be after approval: keys absent from the payload keep
    // their current value, exactly as ApprovalService applies it.
    QJsonObject requestedState() const;
    QJsonObject toJson() const;
};

// Timestamps as stored and shown: ISO-8601 UTC with milliseconds.
QString toIsoTimestamp(const QDateTime &time);
QDateTime fromIsoTimestamp(const QString &text);
QString uuidText(const QUuid &id); // without braces

} // namespace steward
