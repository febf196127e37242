#pragma once

#include "AppServices.h"
#include "alerts/NotificationFeed.h"

#include <QObject>

namespace steward {

struct Event;
class NotificationModel;
class Session;
class Settings;

// What the bell knows: the counts, the list when it is open, and the user's seen mark
// (event seq per tenant and user, in Settings). Follows the event bus and the session;
// reads only counts and one page of rows, on the GUI thread.
class NotificationCenter : public QObject
{
    Q_OBJECT

public:
    NotificationCenter(const AppServices &services, Session &session, Settings &settings, QObject *parent = nullptr);

    NotificationModel *model() const { return m_model; }
    const alerts::NotificationCounts &counts() const { return m_counts; }

    // The list is about to be shown: reads its page, then counts all of it as seen
    // (items stay marked as new in the list until it is next read).
    void openList();
    // The list was closed: whatever it showed counts as seen.
    void closeList();
    bool isListOpen() const { return m_listOpen; }

    // Records the current user as having acknowledged the alert; it stops counting.
    bool acknowledge(const QUuid &alertId);

Q_SIGNALS:
    void countsChanged();
    // An alert of the current tenant that fired just now (not one that was open before).
    void alertFired(const steward::alerts::Notification &alert);
    void failed(const QString &message);

private:
    void onNews(const Event &event); // an alert changed or a request was decided
    void onBatch(const QUuid &tenantId);
    void onSessionChanged();
    void refresh();
    void loadList();
    QString markKey() const;
    qint64 seenMark() const;
    void setSeenMark(qint64 seq);

    AppServices m_services;
    Session &m_session;
    Settings &m_settings;
    NotificationModel *m_model;
    alerts::NotificationCounts m_counts;
    bool m_listOpen = false;
    bool m_stale = false;      // a relevant event arrived in the current batch
    qint64 m_listUpTo = 0;     // the newest event seq when the list was last read
    qint64 m_listSeenFrom = 0; // the seen mark when the list was opened
};

} // namespace steward
