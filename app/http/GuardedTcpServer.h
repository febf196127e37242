#pragma once

#include "ServeOptions.h"
#include "model/Error.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace steward {

// The listening socket of the HTTP endpoint: every connection gets a ConnectionGuard
// before Qt's HTTP server sees it, is encrypted when TLS is configured (the handshake
// runs on the socket; the server only ever reads decrypted bytes), and connections beyond
// the limit are turned away with 503.
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls, QObject *parent = nullptr);

    // A server certificate chain and its private key, both PEM files.
    static Result<QSslConfiguration> loadTls(const QString &certificateFile, const QString &keyFile);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
    std::optional<QSslConfiguration> m_tls;
    int m_connections = 0;
};

} // namespace steward
