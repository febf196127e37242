#include "team/TeamConnection.h"

#include "Session.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "store/Database.h"
#include "store/EventRepository.h"

#include <QSqlDatabase>

namespace steward {

TeamConnection::TeamConnection(Database &database, EventBus &bus, Session &session, QObject *parent)
    : QObject(parent), m_database(database), m_session(session), m_relay(database.url(), bus)
{
    connect(&m_relay, &TeamEventRelay::connectionChanged, this, &TeamConnection::onConnectionChanged);
    connect(&m_session, &Session::tenantChanged, this, &TeamConnection::follow);
    follow();
}

void TeamConnection::follow()
{
    if (m_session.tenant().id.isNull())
        return;
    // What the window loads now it reads itself; the relay brings what commits after it.
    EventQuery newest;
    newest.newestFirst = true;
    newest.limit = 1;
    auto latest = EventRepository(m_database).list(m_session.tenant().id, newest);
    const qint64 afterSeq = latest && !latest.value().isEmpty() ? latest.value().constFirst().seq : 0;
    m_relay.follow(m_session.tenant().id, m_session.user().id, afterSeq);
}

void TeamConnection::onConnectionChanged(bool connected, const QString &reason)
{
    if (!connected) {
        m_lost = true;
    } else if (m_lost) {
        m_lost = false;
        reopenWindowConnection(); // before the relay delivers what was missed
    }
    Q_EMIT connectionChanged(connected, reason);
}

// The server went away under the window's connection, which libpq does not reopen by
// itself: open it again with the same settings and sign it in again.
void TeamConnection::reopenWindowConnection()
{
    QSqlDatabase connection = m_database.connection();
    connection.close();
    if (!connection.open())
        return; // the views report the failure on their next read; the relay retries
    for (const QString &statement : m_database.dialect().sessionStatements())
        (void)m_database.run(statement);
    // Database::signIn believes the old session is still signed in, so state it again here.
    (void)m_database.run(m_database.dialect().signInStatement(),
                         {uuidText(m_session.tenant().id), m_session.user().id});
}

} // namespace steward
