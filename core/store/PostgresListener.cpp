#include "store/PostgresListener.h"

#include "Tr.h"

#include <QSocketNotifier>
#include <QTimer>

#include <libpq-fe.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace steward {

struct PostgresListener::Connection
{
    ~Connection()
    {
        if (handle)
            PQfinish(handle);
    }
    PGconn *handle = nullptr;
};

namespace {

constexpr int kMaxRetryDelayMs = 8000;

QString lastError(PGconn *connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed().section(u'\n', 0, 0);
}

} // namespace

PostgresListener::PostgresListener(DatabaseUrl url, QString channel, QString password, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_channel(std::move(channel)), m_password(std::move(password)),
      m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &PostgresListener::tryConnect);
}

PostgresListener::~PostgresListener()
{
    close();
}

void PostgresListener::open()
{
    m_open = true;
    m_retryDelayMs = 250;
    tryConnect();
}

void PostgresListener::close()
{
    m_open = false;
    m_retry->stop();
    delete m_notifier;
    m_notifier = nullptr;
    m_connection.reset();
}

bool PostgresListener::isConnected() const
{
    return m_connection && PQstatus(m_connection->handle) == CONNECTION_OK;
}

void PostgresListener::tryConnect()
{
    if (!m_open)
        return;
    delete m_notifier;
    m_notifier = nullptr;
    m_connection = std::make_unique<Connection>();

    const QByteArray host = m_url.host.toUtf8();
    const QByteArray port = QByteArray::number(m_url.port);
    const QByteArray name = m_url.databaseName.toUtf8();
    const QByteArray user = m_url.user.toUtf8();
    const QByteArray password = m_password.toUtf8();
    const QByteArray sslMode = m_url.sslMode.toUtf8();
    std::vector<const char *> keys{"host", "port", "dbname", "user", "connect_timeout", "application_name"};
    std::vector<const char *> values{host.constData(), port.constData(), name.constData(), user.constData(), "5",
                                     "metadata-steward-listener"};
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(password.constData());
    }
    if (!sslMode.isEmpty()) {
        keys.push_back("sslmode");
        values.push_back(sslMode.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_connection->handle = PQconnectdbParams(keys.data(), values.data(), 0);
    if (PQstatus(m_connection->handle) != CONNECTION_OK)
        return lost(lastError(m_connection->handle));

    char *escaped = PQescapeIdentifier(m_connection->handle, m_channel.toUtf8().constData(),
                                       std::size_t(m_channel.toUtf8().size()));
    const QByteArray listen = QByteArray("LISTEN ") + escaped;
    PQfreemem(escaped);
    PGresult *result = PQexec(m_connection->handle, listen.constData());
    const bool listening = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!listening)
        return lost(lastError(m_connection->handle));

    m_retryDelayMs = 250;
    m_notifier = new QSocketNotifier(qintptr(PQsocket(m_connection->handle)), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PostgresListener::readSocket);
    Q_EMIT connected();
}

void PostgresListener::readSocket()
{
    if (!m_connection)
        return;
    // A closed or broken socket is readable too: libpq then reports the connection bad.
    if (PQconsumeInput(m_connection->handle) == 0 || PQstatus(m_connection->handle) != CONNECTION_OK)
        return lost(lastError(m_connection->handle));
    while (PGnotify *notify = PQnotifies(m_connection->handle)) {
        const QString payload = QString::fromUtf8(notify->extra);
        PQfreemem(notify);
        Q_EMIT notified(payload);
    }
}

void PostgresListener::lost(const QString &reason)
{
    delete m_notifier;
    m_notifier = nullptr;
    m_connection.reset();
    Q_EMIT disconnected(reason.isEmpty() ? CoreTr::tr("the connection to the team database was lost") : reason);
    if (!m_open)
        return;
    m_retry->start(m_retryDelayMs);
    m_retryDelayMs = std::min(kMaxRetryDelayMs, m_retryDelayMs * 2);
}

} // namespace steward
