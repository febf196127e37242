#pragma once

#include "ServeOptions.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace steward {

// Watches one HTTP/1.1 connection ahead of Qt's HTTP server, which buffers a request
// whole and has no limits of its own (Qt 6.4): it reads the same bytes first (peek), and
// refuses a request whose headers or declared body are too large, or that takes too long,
// before the server buffers it. Refused connections get a JSON error and are closed; the
// server never sees the request.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    // Connects to the socket's readyRead before anyone else does (so before the server).
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits);

private:
    enum class Phase { Header, Body, Refused };

    void inspect();
    // Reads what arrived of the current request's header; the bytes of `data` it used.
    qsizetype takeHeader(const QByteArray &data, qsizetype from);
    void requestComplete();
    void refuse(int status, const QByteArray &reasonPhrase, const QString &message);
    void expire();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Phase m_phase = Phase::Header;
    QByteArray m_header;
    qint64 m_bodyLeft = 0;
    QTimer m_requestTimer;
    QTimer m_idleTimer;
};

} // namespace steward
