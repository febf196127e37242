#pragma once

#include "events/Event.h"
#include "store/DatabaseUrl.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QThread>

namespace steward {

class EventBus;
class TeamEventReader;

// Brings the events other desktops commit to a team database onto this desktop's bus,
// within a second of their commit and without polling: the database's NOTIFY doorbell
// (PostgresListener) wakes a reader that reads the tenant's events after the last seq it
// delivered, a page at a time, on a thread of its own with its own connections. Each
// event reaches the bus once, in seq order, on the bus's thread; events this desktop
// published itself are not repeated. A lost connection is reported and retried; once
// back, the reader catches up from the last seq, so nothing is missed.
class TeamEventRelay : public QObject
{
    Q_OBJECT

public:
    // `password`: what the person typed at the prompt, if anything; kept in memory only.
    TeamEventRelay(DatabaseUrl url, EventBus &bus, QString password = {}, QObject *parent = nullptr);
    ~TeamEventRelay() override;

    // Follows a tenant's events after `afterSeq`, signed in as `userId`.
    void follow(const QUuid &tenantId, const QString &userId, qint64 afterSeq);
    bool isConnected() const { return m_connected; }
    qint64 lastSeq() const { return m_lastSeq; }

Q_SIGNALS:
    void connectionChanged(bool connected, const QString &reason);

private:
    void deliver(const QUuid &tenantId, const QList<steward::Event> &events);
    void remember(const Event &event);

    EventBus &m_bus;
    QThread m_thread;
    TeamEventReader *m_reader;
    QUuid m_tenantId;
    qint64 m_lastSeq = 0;
    bool m_connected = false;
    QSet<QUuid> m_seen; // ids already on the bus, the newest few thousand
    QQueue<QUuid> m_seenOrder;
};

} // namespace steward
