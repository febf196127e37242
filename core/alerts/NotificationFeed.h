#pragma once

#include "model/Error.h"
#include "model/Types.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QUuid>
#include <optional>

namespace steward {
class Database;
}

namespace steward::alerts {

// One entry of a user's notification list: an open alert of the tenant, or a decision
// someone else took on one of the user's own change requests.
struct Notification
{
    enum class Kind { Alert, Decision };

    Kind kind = Kind::Alert;
    QUuid id;            // the alert's id, or the approval's
    QDateTime at;        // when it fired, or when it was decided
    QString subjectKey;  // the alert's field, or the request's entity key
    bool unseen = false; // its event came after the user's seen mark

    // Alert
    QString rule;
    QString severity;
    std::optional<double> value;
    QString acknowledgedBy;

    // Decision
    EntityType entityType = EntityType::GlobalMetadata;
    ApprovalStatus outcome = ApprovalStatus::Approved;
    QString decidedBy;
    QString reason;

    bool needsAttention() const { return kind == Kind::Alert ? acknowledgedBy.isEmpty() : unseen; }
};

// What the bell shows without reading the list.
struct NotificationCounts
{
    int unacknowledgedAlerts = 0; // firing, nobody acknowledged them yet
    int unseenAlerts = 0;         // ... of which fired after the seen mark
    int unseenDecisions = 0;      // decisions on the user's requests after the seen mark

    // Open alerts until acknowledged, decisions until seen.
    int needsAttention() const { return unacknowledgedAlerts + unseenDecisions; }
    int unseen() const { return unseenAlerts + unseenDecisions; }
};

// Reads a user's notifications from mdm_alert, mdm_approval and mdm_event: small
// queries meant for the GUI thread (a page of rows, counts, events after a mark).
// "Seen" is measured in event seq: an item is unseen when the event that made it
// (alert.fired, approval.approved/rejected/cancelled) has a seq above the mark.
class NotificationFeed
{
public:
    static constexpr int kPageSize = 50;

    explicit NotificationFeed(Database &database);

    // The newest event seq of the tenant, 0 when it has none: "seen up to now".
    Result<qint64> latestSeq(const QUuid &tenantId) const;
    Result<NotificationCounts> counts(const QUuid &tenantId, const QString &userId, qint64 seenUpTo) const;
    // Open alerts and decisions on the user's requests, newest first, at most `limit`.
    Result<QList<Notification>> page(const QUuid &tenantId, const QString &userId, qint64 seenUpTo,
                                     int limit = kPageSize) const;

private:
    struct Unseen
    {
        QSet<QUuid> alerts;    // firing and unacknowledged
        QSet<QUuid> approvals; // requested by the user, decided by someone else
    };
    Result<Unseen> unseen(const QUuid &tenantId, const QString &userId, qint64 seenUpTo) const;

    Database &m_database;
};

} // namespace steward::alerts

Q_DECLARE_METATYPE(steward::alerts::Notification)
