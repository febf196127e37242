#include "GuardedTcpServer.h"

#include "ConnectionGuard.h"
#include "HttpTr.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace steward {

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent), m_limits(limits), m_tls(std::move(tls))
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *secure = new QSslSocket(this);
        secure->setSslConfiguration(*m_tls);
        socket = secure;
    } else {
        socket = new QTcpSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_connections >= m_limits.maxConnections) {
        // Plain text even on a TLS port: the client learns nothing, and nothing is spent on it.
        socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    ++m_connections;
    connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
    new ConnectionGuard(socket, m_limits);
    if (auto *secure = qobject_cast<QSslSocket *>(socket)) {
        // A failed handshake ends the connection; the guard's idle timer ends a stalled one.
        connect(secure, &QSslSocket::sslErrors, secure, [secure](const QList<QSslError> &) { secure->abort(); });
        secure->startServerEncryption();
    }
    addPendingConnection(socket);
}

Result<QSslConfiguration> GuardedTcpServer::loadTls(const QString &certificateFile, const QString &keyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return Error::invalid(u"tls-cert"_s,
                              HttpTr::tr("%1 holds no PEM certificate (or cannot be read)").arg(certificateFile));
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(u"tls-key"_s, HttpTr::tr("cannot read %1: %2").arg(keyFile, file.errorString()));
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error::invalid(u"tls-key"_s,
                              HttpTr::tr("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with bearer tokens
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    return configuration;
}

} // namespace steward
