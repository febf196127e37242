#include "ServeCommand.h"

#include "CliOptions.h"
#include "CliTr.h"
#include "EventFollower.h"
#include "GuardedTcpServer.h"
#include "MetricsServer.h"
#include "Session.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace steward {

Status runServe(Session &session, const CliOptions &options, QTextStream &out)
{
    auto address = MetricsServer::parseAddress(options.bindAddress);
    if (!address)
        return address.error();
    auto access = metrics::MetricsAccess::configure(options.metricsTokenFile);
    if (!access)
        return access.error();
    // Refused here too, before anything listens, so the mistake is a usage error.
    if (Status refused = access.value().allowsListeningOn(address.value()))
        return Error::invalid(refused->field, CliTr::tr("%1: pass --metrics-token-file FILE or set %2, or listen on "
                                                        "127.0.0.1")
                                                  .arg(refused->message,
                                                       QLatin1StringView(metrics::MetricsAccess::TokenVariable)));

    if (options.trustIdentityHeaders && !address.value().isLoopback())
        return Error::invalid(u"trust-identity-headers"_s,
                              CliTr::tr("identity headers are trusted only on a loopback address (127.0.0.1 or ::1), "
                                        "not on %1; give callers API tokens (steward-cli token create) instead")
                                  .arg(address.value().toString()));
    ServeOptions serve;
    serve.api = true;
    serve.trustIdentityHeaders = options.trustIdentityHeaders;
    if (options.rateLimit)
        serve.requestsPerSecond = *options.rateLimit;
    serve.burst = qMax(1, int(2 * serve.requestsPerSecond)); // two seconds' worth at once
    if (options.requestTimeoutSeconds)
        serve.limits.requestTimeout = std::chrono::seconds(*options.requestTimeoutSeconds);
    if (!options.tlsCertificate.isEmpty()) {
        auto tls = GuardedTcpServer::loadTls(options.tlsCertificate, options.tlsKey);
        if (!tls)
            return tls.error();
        serve.tls = tls.value();
    }

    // The endpoint reads every tenant through a connection of its own on its own thread;
    // this thread only prints and waits for SIGINT or SIGTERM.
    MetricsServer server(session.database().url(), access.value(), serve);
    Status failure;
    const bool tokenRequired = access.value().hasToken();
    QObject::connect(&server, &MetricsServer::listening, &server, [&out, tokenRequired](const QUrl &url) {
        // One line scripts and tests read; with --port 0 it names the port chosen.
        out << (tokenRequired ? CliTr::tr("listening on %1 (/metrics requires the bearer token)").arg(url.toString())
                              : CliTr::tr("listening on %1").arg(url.toString()))
            << u'\n';
        out.flush();
    });
    QObject::connect(&server, &MetricsServer::failed, &server,
                     [&failure](const QString &reason) { failure = Error::make(ErrorCode::Unavailable, reason); });
    server.start(address.value(), options.port);

    EventFollower waiter([&failure] { return failure; }, std::chrono::milliseconds(100));
    return waiter.run();
}

} // namespace steward
