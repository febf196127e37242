#include "events/TeamEventRelay.h"

#include "events/EventBus.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/PostgresListener.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace steward {

namespace {
constexpr int kPage = 500;
constexpr qsizetype kRemembered = 10'000;
} // namespace

// The relay's half in its own thread: the listener, and a connection to read events.
class TeamEventReader : public QObject
{
    Q_OBJECT

public:
    TeamEventReader(DatabaseUrl url, QString password) : m_url(std::move(url)), m_password(std::move(password)) {}

    void start()
    {
        m_listener = new PostgresListener(m_url, u"steward_events"_s, m_password, this);
        connect(m_listener, &PostgresListener::connected, this, [this] {
            m_database.reset(); // a connection that lived through an outage is not trusted
            Q_EMIT connectionChanged(true, QString());
            catchUp();
        });
        connect(m_listener, &PostgresListener::disconnected, this,
                [this](const QString &reason) { Q_EMIT connectionChanged(false, reason); });
        connect(m_listener, &PostgresListener::notified, this, [this](const QString &payload) {
            const QUuid tenant = QUuid::fromString(payload.section(u' ', 0, 0));
            const qint64 seq = payload.section(u' ', 1, 1).toLongLong();
            if (tenant == m_tenantId && seq > m_lastSeq)
                catchUp();
        });
        m_listener->open();
    }

    void stop()
    {
        delete m_listener;
        m_listener = nullptr;
        m_database.reset();
    }

    void follow(const QUuid &tenantId, const QString &userId, qint64 afterSeq)
    {
        m_tenantId = tenantId;
        m_userId = userId;
        m_lastSeq = afterSeq;
        m_signedIn = false;
        catchUp();
    }

Q_SIGNALS:
    void eventsRead(const QUuid &tenantId, const QList<steward::Event> &events);
    void connectionChanged(bool connected, const QString &reason);

private:
    // Reads every event of the tenant after the last one delivered, a page at a time.
    void catchUp()
    {
        if (m_tenantId.isNull() || !m_listener || !m_listener->isConnected())
            return;
        if (!m_database) {
            auto opened = Database::open(m_url, m_password);
            if (!opened)
                return Q_EMIT connectionChanged(false, opened.error().text());
            m_database = std::move(opened.value());
            m_signedIn = false;
        }
        if (!m_signedIn) {
            if (auto failed = m_database->signIn(m_tenantId, m_userId)) {
                m_database.reset();
                return Q_EMIT connectionChanged(false, failed->text());
            }
            m_signedIn = true;
        }
        EventRepository repository(*m_database);
        for (;;) {
            EventQuery query;
            query.afterSeq = m_lastSeq;
            query.limit = kPage;
            auto events = repository.list(m_tenantId, query);
            if (!events) {
                m_database.reset(); // reopened at the next doorbell or reconnect
                return;
            }
            if (events.value().isEmpty())
                return;
            m_lastSeq = events.value().constLast().seq;
            Q_EMIT eventsRead(m_tenantId, events.value());
            if (events.value().size() < kPage)
                return;
        }
    }

    DatabaseUrl m_url;
    QString m_password;
    PostgresListener *m_listener = nullptr;
    std::unique_ptr<Database> m_database;
    QUuid m_tenantId;
    QString m_userId;
    qint64 m_lastSeq = 0;
    bool m_signedIn = false;
};

TeamEventRelay::TeamEventRelay(DatabaseUrl url, EventBus &bus, QString password, QObject *parent)
    : QObject(parent), m_bus(bus), m_reader(new TeamEventReader(std::move(url), std::move(password)))
{
    qRegisterMetaType<QList<steward::Event>>();
    m_thread.setObjectName(u"team-event-relay"_s);
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &TeamEventReader::eventsRead, this, &TeamEventRelay::deliver);
    connect(m_reader, &TeamEventReader::connectionChanged, this, [this](bool connected, const QString &reason) {
        if (connected == m_connected && connected)
            return;
        m_connected = connected;
        Q_EMIT connectionChanged(connected, reason);
    });
    // What this desktop publishes itself is on the bus already.
    connect(&m_bus, &EventBus::eventPublished, this, &TeamEventRelay::remember);
    m_thread.start();
    QMetaObject::invokeMethod(m_reader, &TeamEventReader::start, Qt::QueuedConnection);
}

TeamEventRelay::~TeamEventRelay()
{
    TeamEventReader *reader = m_reader;
    QMetaObject::invokeMethod(reader, [reader] { reader->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void TeamEventRelay::follow(const QUuid &tenantId, const QString &userId, qint64 afterSeq)
{
    m_tenantId = tenantId;
    m_lastSeq = afterSeq;
    TeamEventReader *reader = m_reader;
    QMetaObject::invokeMethod(
        reader, [reader, tenantId, userId, afterSeq] { reader->follow(tenantId, userId, afterSeq); },
        Qt::QueuedConnection);
}

void TeamEventRelay::deliver(const QUuid &tenantId, const QList<Event> &events)
{
    if (tenantId != m_tenantId)
        return; // read for a tenant this desktop has left
    QList<Event> fresh;
    for (const Event &event : events) {
        m_lastSeq = std::max(m_lastSeq, event.seq);
        if (!m_seen.contains(event.id))
            fresh.append(event);
    }
    m_bus.publish(fresh); // remember() records them as they pass
}

void TeamEventRelay::remember(const Event &event)
{
    if (m_seen.contains(event.id))
        return;
    m_seen.insert(event.id);
    m_seenOrder.enqueue(event.id);
    if (m_seenOrder.size() > kRemembered)
        m_seen.remove(m_seenOrder.dequeue());
}

} // namespace steward

#include "TeamEventRelay.moc"
