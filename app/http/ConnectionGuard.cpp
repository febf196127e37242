#include "ConnectionGuard.h"

#include "HttpTr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr QByteArrayView kHeaderEnd("\r\n\r\n");
// How long a refused client may go on sending (what it sends is discarded) before the
// connection closes, so it reads the refusal instead of a reset.
constexpr std::chrono::milliseconds kDrainTime{1000};

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits)
    : QObject(socket), m_socket(socket), m_limits(limits)
{
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    m_requestTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_requestTimer, &QTimer::timeout, this, &ConnectionGuard::expire);
    connect(&m_idleTimer, &QTimer::timeout, this, &ConnectionGuard::expire);
    m_idleTimer.start(m_limits.idleTimeout);
    // A request larger than both limits never fits in memory: reading stops there and the
    // request timer ends the connection.
    m_socket->setReadBufferSize(m_limits.maxHeaderBytes + m_limits.maxBodyBytes + 64 * 1024);
}

void ConnectionGuard::inspect()
{
    if (m_phase == Phase::Refused)
        return;
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    qsizetype position = 0;
    while (position < data.size() && m_phase != Phase::Refused) {
        if (m_phase == Phase::Header) {
            if (m_header.isEmpty() && !m_requestTimer.isActive()) {
                m_idleTimer.stop();
                m_requestTimer.start(m_limits.requestTimeout);
            }
            position += takeHeader(data, position);
        } else {
            const qint64 taken = qMin<qint64>(m_bodyLeft, data.size() - position);
            m_bodyLeft -= taken;
            position += taken;
            if (m_bodyLeft == 0)
                requestComplete();
        }
    }
}

qsizetype ConnectionGuard::takeHeader(const QByteArray &data, qsizetype from)
{
    const qsizetype before = m_header.size();
    // Enough of the new bytes to find the end of the header within the limit.
    const qsizetype room = m_limits.maxHeaderBytes + kHeaderEnd.size() - before;
    m_header.append(data.constData() + from, qMin<qsizetype>(data.size() - from, qMax<qsizetype>(room, 0)));
    const qsizetype end = m_header.indexOf(kHeaderEnd);
    if (end < 0) {
        if (m_header.size() > m_limits.maxHeaderBytes)
            refuse(431, "Request Header Fields Too Large",
                   HttpTr::tr("the request line and headers exceed %1 bytes").arg(m_limits.maxHeaderBytes));
        return data.size() - from;
    }
    const qsizetype used = end + kHeaderEnd.size() - before;

    qint64 length = 0;
    bool lengthSeen = false;
    const QList<QByteArray> lines = m_header.left(end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding") {
            refuse(411, "Length Required",
                   HttpTr::tr("send the request body with a Content-Length header; chunked bodies are not accepted"));
            return used;
        }
        if (name == "content-length") {
            bool ok = false;
            const qint64 declared = value.toLongLong(&ok);
            if (!ok || declared < 0 || (lengthSeen && declared != length)) {
                refuse(400, "Bad Request", HttpTr::tr("the Content-Length header is not a valid length"));
                return used;
            }
            length = declared;
            lengthSeen = true;
        }
    }
    if (length > m_limits.maxBodyBytes) {
        refuse(413, "Payload Too Large",
               HttpTr::tr("the request body of %1 bytes exceeds the limit of %2 bytes")
                   .arg(length)
                   .arg(m_limits.maxBodyBytes));
        return used;
    }
    m_header.clear();
    m_bodyLeft = length;
    if (m_bodyLeft == 0)
        requestComplete();
    else
        m_phase = Phase::Body;
    return used; // the header's bytes in this chunk (some may have come before)
}

void ConnectionGuard::requestComplete()
{
    m_phase = Phase::Header;
    m_requestTimer.stop();
    m_idleTimer.start(m_limits.idleTimeout);
}

void ConnectionGuard::refuse(int status, const QByteArray &reasonPhrase, const QString &message)
{
    m_phase = Phase::Refused;
    m_requestTimer.stop();
    m_idleTimer.stop();
    // The server must not see this request: from now on only this guard reads, and
    // discards, what the client sends.
    disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    // The server may have begun reading the request in a transaction, which would keep
    // every discarded byte buffered.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_socket->readAll(); });
    m_socket->readAll();

    const QByteArray body = QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                    + "\r\nConnection: close\r\n\r\n" + body);
    QTimer::singleShot(kDrainTime, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}

void ConnectionGuard::expire()
{
    // Nothing to answer: the client is not sending a request we could read in time.
    m_phase = Phase::Refused;
    m_socket->abort();
}

} // namespace steward
