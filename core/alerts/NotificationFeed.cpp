#include "alerts/NotificationFeed.h"

#include "alerts/AlertRules.h"
#include "events/Event.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::alerts {
namespace {

// Decisions the requester took on their own request (withdrawing it) are no news to them.
const QString kDecidedBySomeoneElse = u"ap.status IN ('approved', 'rejected', 'cancelled') "
                                      u"AND ap.decided_by IS NOT NULL AND ap.decided_by <> ap.requested_by"_s;

// How many of the tenant's newest events the unseen scan reads at most.
constexpr qint64 kUnseenWindow = 5000;

} // namespace

NotificationFeed::NotificationFeed(Database &database) : m_database(database) {}

Result<qint64> NotificationFeed::latestSeq(const QUuid &tenantId) const
{
    auto query = m_database.run(u"SELECT MAX(seq) FROM mdm_event WHERE tenant_id = ?"_s, {uuidText(tenantId)});
    if (!query)
        return query.error();
    if (!query.value().next() || query.value().value(0).isNull())
        return qint64(0);
    return query.value().value(0).toLongLong();
}

// Walks only the events after the mark (index on tenant_id, seq), and at most the
// tenant's last kUnseenWindow events: the GUI thread reads a page, not a history. A user
// who has not looked for longer than that sees the older items as already seen. The
// window is the tenant's own: another tenant's busy day pushes nothing out of it.
Result<NotificationFeed::Unseen> NotificationFeed::unseen(const QUuid &tenantId, const QString &userId,
                                                          qint64 seenUpTo) const
{
    const QString fired = QString::fromUtf16(AlertEventType::Fired);
    auto query = m_database.run(
        u"SELECT e.type, e.correlation_id FROM mdm_event e "
        u"LEFT JOIN mdm_alert al ON e.type = ? AND al.tenant_id = e.tenant_id AND al.id = e.correlation_id "
        u"LEFT JOIN mdm_approval ap ON e.type <> ? AND ap.tenant_id = e.tenant_id AND ap.id = e.correlation_id "
        u"WHERE e.tenant_id = ? AND e.seq > ? AND e.seq >= COALESCE((SELECT w.seq FROM mdm_event w "
        u"WHERE w.tenant_id = ? ORDER BY w.seq DESC LIMIT 1 OFFSET ?), 0) "
        u"AND e.type IN (?, ?, ?, ?) "
        u"AND ((al.id IS NOT NULL AND al.state = 'firing' AND al.acknowledged_by IS NULL) "
        u"OR (ap.id IS NOT NULL AND ap.requested_by = ? AND "_s +
            kDecidedBySomeoneElse + u"))"_s,
        {fired, fired, uuidText(tenantId), seenUpTo, uuidText(tenantId), kUnseenWindow - 1, fired,
         QString::fromUtf16(EventType::ApprovalApproved), QString::fromUtf16(EventType::ApprovalRejected),
         QString::fromUtf16(EventType::ApprovalCancelled), userId});
    if (!query)
        return query.error();
    Unseen unseen;
    while (query.value().next()) {
        const QUuid id = QUuid::fromString(query.value().value(1).toString());
        (query.value().value(0).toString() == fired ? unseen.alerts : unseen.approvals).insert(id);
    }
    return unseen;
}

Result<NotificationCounts> NotificationFeed::counts(const QUuid &tenantId, const QString &userId, qint64 seenUpTo) const
{
    auto open = m_database.run(u"SELECT COUNT(*) FROM mdm_alert WHERE tenant_id = ? AND state = 'firing' "
                               u"AND acknowledged_by IS NULL"_s,
                               {uuidText(tenantId)});
    if (!open)
        return open.error();
    auto unseenItems = unseen(tenantId, userId, seenUpTo);
    if (!unseenItems)
        return unseenItems.error();
    NotificationCounts counts;
    if (open.value().next())
        counts.unacknowledgedAlerts = open.value().value(0).toInt();
    counts.unseenAlerts = int(unseenItems.value().alerts.size());
    counts.unseenDecisions = int(unseenItems.value().approvals.size());
    return counts;
}

Result<QList<Notification>> NotificationFeed::page(const QUuid &tenantId, const QString &userId, qint64 seenUpTo,
                                                   int limit) const
{
    auto unseenItems = unseen(tenantId, userId, seenUpTo);
    if (!unseenItems)
        return unseenItems.error();

    QList<Notification> items;
    auto alerts = m_database.run(u"SELECT id, rule, canonical_key, severity, value, fired_at, acknowledged_by "
                                 u"FROM mdm_alert WHERE tenant_id = ? AND state = 'firing' "
                                 u"ORDER BY fired_at DESC, id DESC LIMIT ?"_s,
                                 {uuidText(tenantId), limit});
    if (!alerts)
        return alerts.error();
    QSqlQuery &alertRows = alerts.value();
    while (alertRows.next()) {
        Notification item;
        item.kind = Notification::Kind::Alert;
        item.id = QUuid::fromString(alertRows.value(0).toString());
        item.rule = alertRows.value(1).toString();
        item.subjectKey = alertRows.value(2).toString();
        item.severity = alertRows.value(3).toString();
        if (!alertRows.value(4).isNull())
            item.value = alertRows.value(4).toDouble();
        item.at = fromIsoTimestamp(alertRows.value(5).toString());
        item.acknowledgedBy = alertRows.value(6).toString();
        item.unseen = unseenItems.value().alerts.contains(item.id);
        items.append(item);
    }

    auto decisions = m_database.run(
        u"SELECT ap.id, ap.entity_type, ap.entity_key, ap.status, ap.decided_by, ap.decision_reason, ap.decided_at "
        u"FROM mdm_approval ap WHERE ap.tenant_id = ? AND ap.requested_by = ? AND "_s +
            kDecidedBySomeoneElse + u" ORDER BY ap.decided_at DESC, ap.id DESC LIMIT ?"_s,
        {uuidText(tenantId), userId, limit});
    if (!decisions)
        return decisions.error();
    QSqlQuery &decisionRows = decisions.value();
    while (decisionRows.next()) {
        Notification item;
        item.kind = Notification::Kind::Decision;
        item.id = QUuid::fromString(decisionRows.value(0).toString());
        auto type = storedValue(entityTypeFromString, u"mdm_approval.entity_type"_s, decisionRows.value(1).toString());
        if (!type)
            return type.error();
        auto outcome = storedValue(approvalStatusFromString, u"mdm_approval.status"_s, decisionRows.value(3).toString());
        if (!outcome)
            return outcome.error();
        item.entityType = type.value();
        item.subjectKey = decisionRows.value(2).toString();
        item.outcome = outcome.value();
        item.decidedBy = decisionRows.value(4).toString();
        item.reason = decisionRows.value(5).toString();
        item.at = fromIsoTimestamp(decisionRows.value(6).toString());
        item.unseen = unseenItems.value().approvals.contains(item.id);
        items.append(item);
    }

    // Newest first; of one moment, alerts before decisions and critical before warning.
    const auto rank = [](const Notification &item) {
        return item.kind == Notification::Kind::Decision ? 2 : item.severity == u"critical"_s ? 0 : 1;
    };
    std::stable_sort(items.begin(), items.end(), [&rank](const Notification &a, const Notification &b) {
        return a.at != b.at ? a.at > b.at : rank(a) < rank(b);
    });
    if (items.size() > limit)
        items.resize(limit);
    return items;
}

} // namespace steward::alerts
