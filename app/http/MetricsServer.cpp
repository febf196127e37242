#include "MetricsServer.h"

#include "HttpTr.h"
#include "MetricsEndpoint.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace steward {

MetricsServer::MetricsServer(DatabaseUrl databaseUrl, metrics::MetricsAccess access, ServeOptions options,
                             QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_secure(options.tls.has_value()),
      m_endpoint(new MetricsEndpoint(std::move(databaseUrl), std::move(access), std::move(options)))
{
    m_thread->setObjectName(u"metrics-endpoint"_s);
    m_endpoint->moveToThread(m_thread);
    // Deleted in its own thread, after close() ran there.
    connect(m_thread, &QThread::finished, m_endpoint, &QObject::deleteLater);
    connect(
        m_endpoint, &MetricsEndpoint::listening, this,
        [this](quint16 port) {
            m_url.setScheme(m_secure ? u"https"_s : u"http"_s);
            m_url.setHost(m_address.toString());
            m_url.setPort(port);
            Q_EMIT listening(m_url);
        },
        Qt::QueuedConnection);
    connect(m_endpoint, &MetricsEndpoint::failed, this, &MetricsServer::failed, Qt::QueuedConnection);
    m_thread->start();
}

MetricsServer::~MetricsServer()
{
    MetricsEndpoint *endpoint = m_endpoint;
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        endpoint,
        [endpoint, thread] {
            endpoint->close();
            thread->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
}

void MetricsServer::start(const QHostAddress &address, quint16 port)
{
    m_address = address;
    m_url.clear();
    MetricsEndpoint *endpoint = m_endpoint;
    QMetaObject::invokeMethod(
        endpoint, [endpoint, address, port] { endpoint->listen(address, port); }, Qt::QueuedConnection);
}

Result<QHostAddress> MetricsServer::parseAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(trimmed))
        return Error::invalid(u"bind"_s,
                              HttpTr::tr("\"%1\" is not an IP address (for example 127.0.0.1 or ::1)").arg(trimmed));
    return address;
}

} // namespace steward
