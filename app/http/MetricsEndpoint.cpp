#include "MetricsEndpoint.h"

#include "ApiEndpoint.h"
#include "ApiResponses.h"
#include "GuardedTcpServer.h"
#include "HttpTr.h"
#include "jobs/JobRunner.h"
#include "metrics/MetricsCollector.h"
#include "metrics/MetricsExposition.h"
#include "store/Database.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

using StatusCode = QHttpServerResponse::StatusCode;

QHttpServerResponse jsonError(const QString &message, StatusCode status)
{
    return QHttpServerResponse(QJsonObject{{u"error"_s, message}}, status);
}

// Every route here only reads: GET, nothing else.
std::optional<QHttpServerResponse> refuseUnlessGet(const QHttpServerRequest &request)
{
    if (request.method() == QHttpServerRequest::Method::Get)
        return std::nullopt;
    QHttpServerResponse response = jsonError(HttpTr::tr("method not allowed; use GET"), StatusCode::MethodNotAllowed);
    response.setHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
    return response;
}

// Answers on the server's thread, guarded as every job is: an exception becomes a 500
// with its reason instead of leaving the thread.
QHttpServerResponse guarded(const std::function<QHttpServerResponse()> &answer)
{
    std::optional<QHttpServerResponse> response;
    if (const Status failed = jobs::runGuarded([&] { response.emplace(answer()); }))
        return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"), failed->text().toUtf8() + '\n',
                                   StatusCode::InternalServerError);
    return std::move(*response);
}

// The API's guard: an exception becomes a plain 500, never its text (which could hold SQL).
QHttpServerResponse guardedApi(const std::function<QHttpServerResponse()> &answer)
{
    std::optional<QHttpServerResponse> response;
    if (const Status failed = jobs::runGuarded([&] { response.emplace(answer()); })) {
        qWarning().noquote() << u"steward-cli serve: answered 500: %1"_s.arg(failed->text());
        return ApiResponses::error(500, HttpTr::tr("internal error"));
    }
    return std::move(*response);
}

QString hostText(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString()) : address.toString();
}

} // namespace

MetricsEndpoint::MetricsEndpoint(DatabaseUrl databaseUrl, metrics::MetricsAccess access, ServeOptions options,
                                 QObject *parent)
    : QObject(parent), m_databaseUrl(std::move(databaseUrl)), m_access(std::move(access)), m_options(std::move(options))
{
}

MetricsEndpoint::~MetricsEndpoint()
{
    close();
}

void MetricsEndpoint::listen(const QHostAddress &address, quint16 port)
{
    close();
    if (Status refused = m_access.allowsListeningOn(address)) {
        Q_EMIT failed(refused->text());
        return;
    }
    if (m_options.trustIdentityHeaders && !address.isLoopback()) {
        Q_EMIT failed(HttpTr::tr("refusing to trust identity headers on %1: only on a loopback address")
                          .arg(address.toString()));
        return;
    }
    auto server = std::make_unique<QHttpServer>();
    // Our own server rather than QHttpServer::listen(), which only logs why it failed, and
    // which neither limits what a client sends nor encrypts.
    auto *tcpServer = new GuardedTcpServer(m_options.limits, m_options.tls, server.get());
    if (!tcpServer->listen(address, port)) {
        Q_EMIT failed(HttpTr::tr("cannot listen on %1:%2: %3")
                          .arg(hostText(address), QString::number(port), tcpServer->errorString()));
        return;
    }
    server->bind(tcpServer);

    server->route(u"/metrics"_s, [this](const QHttpServerRequest &request) {
        return guarded([&] { return metrics(request); });
    });
    server->route(u"/healthz"_s, [this](const QHttpServerRequest &request) {
        return guarded([&] { return health(request); });
    });
    // Every path not routed above: the API's, when it is served, else not found.
    server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        guardedApi([&]() -> QHttpServerResponse {
            if (m_options.api) {
                auto endpoint = api();
                if (!endpoint)
                    return ApiResponses::fromError(endpoint.error());
                if (auto answer = endpoint.value()->answer(request))
                    return std::move(*answer);
            }
            return ApiResponses::error(404, HttpTr::tr("not found"));
        }).write(std::move(responder));
    });
    m_server = std::move(server);

    // Open now so the first scrape is quick; a failure here is reported by /healthz.
    (void)database();
    Q_EMIT listening(tcpServer->serverPort());
}

void MetricsEndpoint::close()
{
    m_server.reset();
    m_api.reset();
    m_database.reset();
}

Result<Database *> MetricsEndpoint::database()
{
    if (!m_database) {
        auto opened = Database::open(m_databaseUrl);
        if (!opened)
            return opened.error();
        m_database = std::move(opened.value());
    }
    return m_database.get();
}

Result<ApiEndpoint *> MetricsEndpoint::api()
{
    if (!m_api) {
        auto connection = database();
        if (!connection)
            return connection.error();
        m_api = std::make_unique<ApiEndpoint>(*connection.value(), m_options);
    }
    return m_api.get();
}

QHttpServerResponse MetricsEndpoint::metrics(const QHttpServerRequest &request)
{
    if (!m_access.admits(request.value(QByteArrayLiteral("Authorization")))) {
        QHttpServerResponse response =
            jsonError(HttpTr::tr("/metrics needs the header Authorization: Bearer <token>"), StatusCode::Unauthorized);
        response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"metrics\""));
        return response;
    }
    if (auto refused = refuseUnlessGet(request))
        return std::move(*refused);
    auto connection = database();
    if (!connection)
        return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"),
                                   connection.error().text().toUtf8() + '\n', StatusCode::ServiceUnavailable);
    auto families = metrics::MetricsCollector(*connection.value()).collect();
    if (!families)
        return QHttpServerResponse(QByteArrayLiteral("text/plain; charset=utf-8"),
                                   families.error().text().toUtf8() + '\n', StatusCode::ServiceUnavailable);
    return QHttpServerResponse(metrics::TextExposition::contentType(),
                               metrics::TextExposition::render(families.value()));
}

QHttpServerResponse MetricsEndpoint::health(const QHttpServerRequest &request)
{
    if (auto refused = refuseUnlessGet(request))
        return std::move(*refused);
    const auto unavailable = [](const Error &error) {
        return QHttpServerResponse(QJsonObject{{u"status"_s, u"unavailable"_s}, {u"error"_s, error.text()}},
                                   StatusCode::ServiceUnavailable);
    };
    auto connection = database();
    if (!connection)
        return unavailable(connection.error());
    // Reading the schema version proves the database answers and holds our schema.
    auto query = connection.value()->run(u"SELECT COALESCE(MAX(version), 0) FROM mdm_schema_version"_s);
    if (!query)
        return unavailable(query.error());
    const int version = query.value().next() ? query.value().value(0).toInt() : 0;
    if (version <= 0)
        return unavailable(Error::make(ErrorCode::Unavailable, HttpTr::tr("the database has no schema")));
    return QHttpServerResponse(QJsonObject{{u"status"_s, u"ok"_s}, {u"schemaVersion"_s, version}});
}

} // namespace steward
