// The HTTP API under load on loopback: 10,000 GET /approvals and 1,000 POST /approvals
// over 32 kept-alive connections against steward-cli serve on the demo database, each
// compared in the same run with the same number of requests for a static document served
// by the same server and the same guard (GET /openapi.json: no token, no database), the
// framework's own ceiling. Prints throughput and p50/p99 latency; fails loudly on any
// answer that is not a success, on a timeout, and on a submission missing from the
// database afterwards.

#include "BenchSupport.h"
#include "LoadClient.h"
#include "ApiTesting.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::bench;
using namespace steward::testing;

namespace {

constexpr int kConnections = 32;
constexpr int kReads = 10'000;
constexpr int kSubmits = 1'000;
constexpr int kPhaseTimeoutMs = 300'000;

struct Phase
{
    QString name;
    int requests = 0;
    int okStatus = 200;
    double seconds = 0;
    QList<double> latencies;
    int errors = 0;
};

// `requestFor(connection, i)`: the raw request; every answer must carry `okStatus`.
Phase run(Verdict &verdict, const QString &name, const QUrl &server, int requests, int okStatus,
          const std::function<QByteArray(int, int)> &requestFor)
{
    Phase phase;
    phase.name = name;
    phase.requests = requests;
    phase.okStatus = okStatus;
    QList<LoadConnection *> connections;
    QEventLoop loop;
    int running = kConnections;
    for (int c = 0; c < kConnections; ++c) {
        const int share = requests / kConnections + (c < requests % kConnections ? 1 : 0);
        auto *connection = new LoadConnection(server.host(), quint16(server.port()), share,
                                              [c, &requestFor](int i) { return requestFor(c, i); }, &loop);
        QObject::connect(connection, &LoadConnection::finished, &loop, [&] {
            if (--running == 0)
                loop.quit();
        });
        connections.append(connection);
    }
    QElapsedTimer clock;
    clock.start();
    for (LoadConnection *connection : connections)
        connection->start();
    QTimer::singleShot(kPhaseTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    phase.seconds = double(clock.nsecsElapsed()) / 1e9;
    if (running > 0)
        verdict.fail(u"%1: %2 connection(s) still busy after %3 s"_s.arg(name).arg(running).arg(kPhaseTimeoutMs / 1000));
    for (LoadConnection *connection : connections) {
        if (!connection->failure().isEmpty())
            verdict.fail(u"%1: %2"_s.arg(name, connection->failure()));
        phase.latencies += connection->latenciesMs();
        for (int status : connection->statuses())
            phase.errors += status == okStatus ? 0 : 1;
    }
    verdict.require(phase.latencies.size() == requests,
                    u"%1: %2 of %3 requests answered"_s.arg(name).arg(phase.latencies.size()).arg(requests));
    verdict.require(phase.errors == 0, u"%1: %2 answer(s) were not %3"_s.arg(name).arg(phase.errors).arg(okStatus));
    return phase;
}

void print(const Phase &phase, const Phase *baseline)
{
    const double throughput = phase.latencies.size() / phase.seconds;
    std::printf("%-34s %6d requests  %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d",
                qPrintable(phase.name), int(phase.latencies.size()), throughput,
                percentile(phase.latencies, 0.5).value_or(0), percentile(phase.latencies, 0.99).value_or(0),
                phase.errors);
    if (baseline && !baseline->latencies.isEmpty()) {
        const double base = baseline->latencies.size() / baseline->seconds;
        std::printf("  (%.2fx the static document's throughput, p99 %.1fx)", throughput / base,
                    percentile(phase.latencies, 0.99).value_or(0) /
                        qMax(0.001, percentile(baseline->latencies, 0.99).value_or(0)));
    }
    std::printf("\n");
    std::fflush(stdout);
}

QByteArray get(const QString &path, const QString &token)
{
    QByteArray request = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    return request + "\r\n";
}

QByteArray post(const QString &path, const QString &token, const QByteArray &body)
{
    return "POST " + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1()
           + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
           + body;
}

QByteArray glossaryRequest(const QString &key)
{
    return uR"({"entityType":"GLOSSARY","entityId":null,"entityKey":"%1","tier":"tier4","lane":"governed",)"
           uR"("payload":{"canonicalKey":"%1","term":"Load term","definition":"Submitted by bench_http_api.",)"
           uR"("status":"active"}})"_s.arg(key)
        .toUtf8();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    Verdict verdict(u"bench_http_api"_s);
    if (qEnvironmentVariableIsEmpty("STEWARD_CLI"))
        qputenv("STEWARD_CLI", STEWARD_CLI_PATH);
    if (qEnvironmentVariableIsEmpty("STEWARD_DEMO_WAREHOUSE_ROWS"))
        qputenv("STEWARD_DEMO_WAREHOUSE_ROWS", "20000"); // the warehouse plays no part here

    CliFixture cli;
    if (const QString problem = cli.setUp(); !problem.isEmpty()) {
        verdict.fail(problem);
        return verdict.exitStatus();
    }
    const CliRun demo = cli.run({u"init-demo"_s});
    if (!verdict.require(demo.exitCode == 0, u"init-demo: "_s + demo.err))
        return verdict.exitStatus();
    QString why;
    const QString reader = createToken(cli, u"jonas.weber"_s, why);
    const QString submitter = createToken(cli, u"raj.patel"_s, why);
    if (!verdict.require(!reader.isEmpty() && !submitter.isEmpty(), why))
        return verdict.exitStatus();
    QUrl server;
    auto serve = cli.startServe({u"--port"_s, u"0"_s, u"--rate-limit"_s, u"0"_s}, server, why);
    if (!verdict.require(bool(serve), why))
        return verdict.exitStatus();

    std::printf("bench_http_api: %d connections on loopback, steward-cli serve on the demo database\n", kConnections);
    const Phase staticReads = run(verdict, u"GET /openapi.json (static)"_s, server, kReads, 200,
                                  [](int, int) { return get(u"/openapi.json"_s, QString()); });
    const Phase reads = run(verdict, u"GET /approvals?limit=50"_s, server, kReads, 200, [&](int, int) {
        return get(u"/approvals?status=all&limit=50"_s, reader);
    });
    const Phase staticFew = run(verdict, u"GET /openapi.json (static, 1,000)"_s, server, kSubmits, 200,
                                [](int, int) { return get(u"/openapi.json"_s, QString()); });
    const QString batch = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const Phase submits = run(verdict, u"POST /approvals"_s, server, kSubmits, 201, [&](int c, int i) {
        return post(u"/approvals"_s, submitter, glossaryRequest(u"bench.%1.%2.%3"_s.arg(batch).arg(c).arg(i)));
    });
    print(staticReads, nullptr);
    print(reads, &staticReads);
    print(staticFew, nullptr);
    print(submits, &staticFew);

    // Every submission is in the database, once.
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        database.setDatabaseName(cli.databasePath());
        int stored = -1;
        if (database.open()) {
            QSqlQuery query(database);
            query.prepare(u"SELECT COUNT(DISTINCT entity_key), COUNT(*) FROM mdm_approval WHERE entity_key LIKE ?"_s);
            query.addBindValue(u"bench.%1.%"_s.arg(batch));
            if (query.exec() && query.next() && query.value(0) == query.value(1))
                stored = query.value(0).toInt();
        }
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"count"_s);
        verdict.require(stored == kSubmits, u"%1 of %2 submissions stored (each once)"_s.arg(stored).arg(kSubmits));
        std::printf("submissions stored: %d of %d\n", stored, kSubmits);
    }
    verdict.require(terminateCleanly(*serve, why), u"serve did not stop cleanly: "_s + why);
    std::printf("(absolute figures depend on the machine; the ratios compare with the same server's static "
                "document in the same run)\n");
    return verdict.exitStatus();
}
