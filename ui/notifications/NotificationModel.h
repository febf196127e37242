#pragma once

#include "alerts/NotificationFeed.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>

namespace steward {

// The bell's list: a page of alerts and decisions, newest first. Display is the
// headline; the detail line, the time and the flags come in roles for the delegate.
class NotificationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        DetailRole = Qt::UserRole + 1, // the second line: score, who decided, the reason
        WhenRole,                      // "5 min ago"
        KindRole,                      // int(alerts::Notification::Kind)
        IdRole,                        // the alert's or the approval's id
        SubjectKeyRole,                // field key, or the request's entity key
        UnseenRole,                    // new since the list was last opened
        NeedsAttentionRole,            // an unacknowledged alert, or an unseen decision
        AcknowledgedRole,              // an alert someone acknowledged
        ToneRole,                      // "critical" | "warning" | "good" | "bad" | "neutral"
    };

    explicit NotificationModel(QObject *parent = nullptr);

    // `names` maps user ids to display names for "decided by".
    void setItems(const QList<alerts::Notification> &items, const QHash<QString, QString> &names, const QDateTime &now);
    const alerts::Notification *itemAt(int row) const;
    int rowOf(const QUuid &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString headline(const alerts::Notification &item);
    QString detail(const alerts::Notification &item) const;

private:
    QString nameOf(const QString &userId) const;

    QList<alerts::Notification> m_items;
    QHash<QString, QString> m_names;
    QDateTime m_now;
};

// "just now", "5 min ago", "3 d ago".
QString agoText(const QDateTime &since, const QDateTime &now);

} // namespace steward
