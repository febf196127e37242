#include "NotificationModel.h"

#include "ApprovalQueueModel.h"
#include "UiTr.h"
#include "alerts/AlertRules.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

using alerts::Notification;

QString scoreText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) : UiTr::tr("no score");
}

QString tone(const Notification &item)
{
    if (item.kind == Notification::Kind::Alert)
        return item.severity == u"critical"_s ? u"critical"_s : u"warning"_s;
    switch (item.outcome) {
    case ApprovalStatus::Approved:
        return u"good"_s;
    case ApprovalStatus::Rejected:
        return u"bad"_s;
    default:
        return u"neutral"_s;
    }
}

} // namespace

QString agoText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return {};
    if (since.secsTo(now) < 60)
        return UiTr::tr("just now");
    return UiTr::tr("%1 ago").arg(ageText(since, now));
}

NotificationModel::NotificationModel(QObject *parent) : QAbstractListModel(parent) {}

void NotificationModel::setItems(const QList<Notification> &items, const QHash<QString, QString> &names,
                                 const QDateTime &now)
{
    beginResetModel();
    m_items = items;
    m_names = names;
    m_now = now;
    endResetModel();
}

const Notification *NotificationModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int NotificationModel::rowOf(const QUuid &id) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == id)
            return row;
    }
    return -1;
}

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return headline(item);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return u"%1\n%2\n%3"_s.arg(headline(item), detail(item), agoText(item.at, m_now));
    case DetailRole:
        return detail(item);
    case WhenRole:
        return agoText(item.at, m_now);
    case KindRole:
        return int(item.kind);
    case IdRole:
        return item.id;
    case SubjectKeyRole:
        return item.subjectKey;
    case UnseenRole:
        return item.unseen;
    case NeedsAttentionRole:
        return item.needsAttention();
    case AcknowledgedRole:
        return item.kind == Notification::Kind::Alert && !item.acknowledgedBy.isEmpty();
    case ToneRole:
        return tone(item);
    default:
        return {};
    }
}

QString NotificationModel::headline(const Notification &item)
{
    if (item.kind == Notification::Kind::Alert) {
        if (item.rule == QStringView(alerts::AlertRule::Tier1QualityDegraded))
            return UiTr::tr("Quality below the line: %1").arg(item.subjectKey);
        if (item.rule == QStringView(alerts::AlertRule::QualityDrop))
            return UiTr::tr("Quality dropped: %1").arg(item.subjectKey);
        if (item.rule == QStringView(alerts::AlertRule::ProfileRunFailed))
            return UiTr::tr("Profile run failed: %1").arg(item.subjectKey);
        return UiTr::tr("%1: %2").arg(item.rule, item.subjectKey);
    }
    switch (item.outcome) {
    case ApprovalStatus::Approved:
        return UiTr::tr("Request approved: %1").arg(item.subjectKey);
    case ApprovalStatus::Rejected:
        return UiTr::tr("Request rejected: %1").arg(item.subjectKey);
    default:
        return UiTr::tr("Request withdrawn: %1").arg(item.subjectKey);
    }
}

QString NotificationModel::detail(const Notification &item) const
{
    QStringList parts;
    if (item.kind == Notification::Kind::Alert) {
        if (item.rule == QStringView(alerts::AlertRule::Tier1QualityDegraded))
            parts << UiTr::tr("Tier1 field scored %1").arg(scoreText(item.value));
        else if (item.rule == QStringView(alerts::AlertRule::QualityDrop))
            parts << UiTr::tr("Scored %1, far below its previous run").arg(scoreText(item.value));
        else if (item.rule == QStringView(alerts::AlertRule::ProfileRunFailed))
            parts << UiTr::tr("The field could not be measured");
        if (!item.acknowledgedBy.isEmpty())
            parts << UiTr::tr("acknowledged by %1").arg(nameOf(item.acknowledgedBy));
        return parts.join(u" · "_s);
    }
    const QString by = UiTr::tr("By %1").arg(nameOf(item.decidedBy));
    const QString reason = item.reason.simplified();
    return reason.isEmpty() ? by : UiTr::tr("%1: “%2”").arg(by, reason);
}

QString NotificationModel::nameOf(const QString &userId) const
{
    return m_names.value(userId, userId);
}

} // namespace steward
