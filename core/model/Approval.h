#pragma once

#include "json/JsonNode.h"
#include "model/Types.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>
#include <QVariant>

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
    // The two documents exactly as submitted and stored (member order and number text
    // kept), read alike by validation, the review diff and the decision. Copies share
    // the tree (Qt's implicit sharing), so passing an Approval around stays cheap.
    json::Node payload;                      // null in a queue page read without payloads
    std::optional<json::Node> currentState;  // empty for a create
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
    // The entity as it would be after approval (see layPayloadOver).
    json::Node requestedState() const;
    // The request under the camelCase names of SPEC section 3, the documents exactly as
    // stored (the HTTP API); without them (a queue row) unless `withDocuments`.
    json::Node toJsonNode(bool withDocuments = true) const;
    // The same as Qt's JSON for the CLI (numbers become doubles there).
    QJsonObject toJson() const;
};

// The entity as it would be after approval: the payload's members laid over the current
// state, members the payload leaves out keeping their value, exactly as ApprovalService
// applies it. A payload that is not an object replaces the state.
json::Node layPayloadOver(const std::optional<json::Node> &current, const json::Node &payload);

// Timestamps as stored and shown: ISO-8601 UTC with milliseconds.
QString toIsoTimestamp(const QDateTime &time);
QDateTime fromIsoTimestamp(const QString &text);
// A timestamp column's value as toIsoTimestamp() spells it: SQLite's stored text as it
// is, PostgreSQL's timestamptz (which the driver hands over in local time) in UTC.
QString storedTimestampText(const QVariant &value);
QString uuidText(const QUuid &id); // without braces

} // namespace steward
