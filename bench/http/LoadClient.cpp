#include "LoadClient.h"

using namespace Qt::StringLiterals;

namespace steward::bench {

LoadConnection::LoadConnection(QString host, quint16 port, int requests, std::function<QByteArray(int)> request,
                               QObject *parent)
    : QObject(parent), m_host(std::move(host)), m_port(port), m_requests(requests), m_request(std::move(request))
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &LoadConnection::read);
    connect(&m_socket, &QTcpSocket::connected, this, &LoadConnection::sendNext);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!m_done && m_socket.error() != QAbstractSocket::RemoteHostClosedError)
            fail(m_socket.errorString());
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        // The server may close a kept-alive connection between answers: open it again.
        if (!m_done && m_bodyLength < 0 && m_buffer.isEmpty() && m_sent == m_statuses.size())
            m_socket.connectToHost(m_host, m_port);
        else if (!m_done)
            fail(u"the server closed the connection in the middle of an answer"_s);
    });
}

void LoadConnection::start()
{
    if (m_requests == 0) {
        m_done = true;
        Q_EMIT finished();
        return;
    }
    m_socket.connectToHost(m_host, m_port);
}

void LoadConnection::sendNext()
{
    if (m_sent > m_statuses.size())
        return; // an answer is still due (reconnected after the server closed)
    m_clock.start();
    m_socket.write(m_request(m_sent));
    ++m_sent;
}

void LoadConnection::read()
{
    m_buffer.append(m_socket.readAll());
    while (!m_done) {
        if (m_bodyLength < 0) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            m_status = lines.value(0).split(' ').value(1).toInt();
            m_bodyLength = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    m_bodyLength = line.mid(15).trimmed().toLongLong();
            }
            m_headerLength = end + 4;
        }
        if (m_buffer.size() < m_headerLength + m_bodyLength)
            return;
        m_buffer.remove(0, m_headerLength + m_bodyLength);
        m_bodyLength = -1;
        m_latencies.append(double(m_clock.nsecsElapsed()) / 1e6);
        m_statuses.append(m_status);
        if (m_statuses.size() == m_requests) {
            m_done = true;
            m_socket.disconnectFromHost();
            Q_EMIT finished();
            return;
        }
        if (m_socket.state() == QAbstractSocket::ConnectedState)
            sendNext();
    }
}

void LoadConnection::fail(const QString &why)
{
    if (m_done)
        return;
    m_done = true;
    m_failure = why;
    m_socket.abort();
    Q_EMIT finished();
}

} // namespace steward::bench
