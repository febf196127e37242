#pragma once

#include "events/TeamEventRelay.h"

#include <QObject>

namespace steward {

class Database;
class EventBus;
class Session;

// The window's link to a team database: brings what other desktops commit onto this
// desktop's bus (TeamEventRelay, woken by NOTIFY, no polling), says whether the database
// is reachable, and after an outage reopens the window's own connection before the events
// missed meanwhile arrive, so the views that read them see the database again.
class TeamConnection : public QObject
{
    Q_OBJECT

public:
    TeamConnection(Database &database, EventBus &bus, Session &session, QObject *parent = nullptr);

    // False while the database is unreachable: decisions are refused then, not queued.
    bool isConnected() const { return m_relay.isConnected(); }

Q_SIGNALS:
    // `reason`: why it was lost (empty on reconnect). Retries happen by themselves.
    void connectionChanged(bool connected, const QString &reason);

private:
    void follow();
    void onConnectionChanged(bool connected, const QString &reason);
    void reopenWindowConnection();

    Database &m_database;
    Session &m_session;
    TeamEventRelay m_relay;
    bool m_lost = false;
};

} // namespace steward
