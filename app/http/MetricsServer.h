#pragma once

#include "ServeOptions.h"
#include "metrics/MetricsAccess.h"
#include "model/Error.h"
#include "store/DatabaseUrl.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

class QThread;

namespace steward {

class MetricsEndpoint;

// The metrics endpoint (GET /metrics, GET /healthz) on a thread of its own with its own
// database connection, for steward-cli serve and the GUI alike: whoever starts it only
// gets signals and never waits on a scrape or the database.
class MetricsServer : public QObject
{
    Q_OBJECT

public:
    // `access` decides which addresses it may listen on and who may read /metrics; the
    // default is this computer only, without a token.
    explicit MetricsServer(DatabaseUrl databaseUrl, metrics::MetricsAccess access = {}, ServeOptions options = {},
                           QObject *parent = nullptr);
    // Stops listening, closes the connection in the server thread and waits for it.
    ~MetricsServer() override;

    // Asynchronous: answers with listening() or failed(). Port 0 picks a free port. An
    // address beyond loopback fails unless the access has a token.
    void start(const QHostAddress &address, quint16 port);
    // Where it listens, once listening() was emitted.
    QUrl url() const { return m_url; }

    // An IP address, or "localhost" for the loopback address.
    static Result<QHostAddress> parseAddress(const QString &text);

Q_SIGNALS:
    void listening(const QUrl &url);
    void failed(const QString &reason);

private:
    QThread *m_thread;
    bool m_secure = false; // before m_endpoint, which takes the options
    MetricsEndpoint *m_endpoint;
    QHostAddress m_address;
    QUrl m_url;
};

} // namespace steward
