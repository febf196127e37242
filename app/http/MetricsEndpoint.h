#pragma once

#include "ServeOptions.h"
#include "metrics/MetricsAccess.h"
#include "model/Error.h"
#include "store/DatabaseUrl.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace steward {

class ApiEndpoint;
class Database;

// GET /metrics (Prometheus text format) and GET /healthz on Qt's HTTP server, and with
// ServeOptions::api the HTTP API (ApiEndpoint), answered from the endpoint's own database
// connection. Every connection is watched by a ConnectionGuard (size and time limits).
// It works on the thread it lives on: MetricsServer moves it to a dedicated one, so no
// request ever waits in the GUI thread.
class MetricsEndpoint : public QObject
{
    Q_OBJECT

public:
    MetricsEndpoint(DatabaseUrl databaseUrl, metrics::MetricsAccess access, ServeOptions options = {},
                    QObject *parent = nullptr);
    ~MetricsEndpoint() override;

    // Opens the database connection and starts listening; answers with listening() or
    // failed(), also when the access refuses the address. A connection that cannot be
    // opened yet does not stop the server:
    // /healthz then says why, and the next request tries again.
    void listen(const QHostAddress &address, quint16 port);
    // Stops listening and closes the connection, in this thread.
    void close();

Q_SIGNALS:
    void listening(quint16 port);
    void failed(const QString &reason);

private:
    QHttpServerResponse metrics(const QHttpServerRequest &request);
    QHttpServerResponse health(const QHttpServerRequest &request);
    // The connection, opened on first use and again after an open failed.
    Result<Database *> database();
    // The API on that connection, made on first use.
    Result<ApiEndpoint *> api();

    DatabaseUrl m_databaseUrl;
    metrics::MetricsAccess m_access;
    ServeOptions m_options;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ApiEndpoint> m_api;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace steward
