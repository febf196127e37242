// Decisions per second on a team database (issue 11): approvals of pending tier-3 updates
// through the real core path (ApprovalService::approve, each steward on a thread and a
// connection of their own, signed in as themselves) for 1 and 4 concurrent stewards,
// side by side, in the same run and on the same server, with pgbench running the same
// decision as bare SQL (bench/team/bare_decision.sql). Target: at least 50% of the bare
// rate for both.
//
// Starts a throw-away server of its own (tests/postgres/test-server.sh, port 55491 or
// STEWARD_BENCH_POSTGRES_PORT) with pg_stat_statements loaded, migrates it, creates a
// tenant with four stewards and a requester (each a login of their own), submits the
// requests through ApprovalService::submit, then runs the rounds and prints the rates,
// their ratios and where the time of one decision goes. Exits non-zero with a clear line
// when a decision, a pgbench client or a check fails, or a round times out.
//
//   bench_team_decisions [--rounds R] [--decisions N] [--seconds T] [--profile M]

#include "BenchSupport.h"
#include "TeamFixture.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSemaphore>
#include <QThread>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::bench;

namespace {

const QStringList &kStewards = TeamFixture::stewards();
const QString kBareLogin = TeamFixture::bareLogin();
const QUuid kTenant = TeamFixture::tenant();
const QUuid kBareTenant = TeamFixture::bareTenant();
constexpr int kWarmUp = 100; // decisions before the rounds
constexpr int kEventsPerDecision = 3; // metadata.approved, metadata.changed, approval.approved (tier 3)

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// The CPU time of this process's children that have ended (pgbench, psql).
double childrenCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString machineLoad()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

struct Options
{
    int rounds = 3;
    int decisions = 6000; // per measurement of our path, shared among the stewards (about as long as pgbench's)
    int seconds = 5;      // per pgbench run
    int profile = 400;    // decisions of the breakdown
};

struct BareRun
{
    double tps = 0;
    qint64 transactions = 0;
    double clientCpuMs = 0; // pgbench's, per transaction
    double serverCpuMs = 0; // the server's, per transaction
};

// One steward's share of a measurement, on a thread of its own.
struct StewardRun
{
    int decided = 0;
    double cpuSeconds = 0; // the thread's CPU time while deciding
    qint64 eventsPublished = 0;
    QString error;
    QList<double> latenciesMs;
};

class TeamBench
{
public:
    TeamBench(TeamFixture &fixture, const Options &options)
        : m_fixture(fixture), m_server(fixture.server()), m_options(options)
    {
    }

    // Decisions per second of `stewards` concurrent stewards approving `decisions` requests.
    double ours(int stewards, int decisions, QList<double> *latencies = nullptr);
    // pgbench's transactions per second with `clients` clients for `seconds` (or `transactions` each).
    BareRun bare(int clients, int seconds, int transactions = 0, QString *report = nullptr);
    void breakdown();
    // The CPU time our client (the stewards' threads) and the server spent per decision
    // in the last ours().
    double clientCpuMs() const { return m_clientCpuMs; }
    double serverCpuMs() const { return m_serverCpuMs; }

private:
    void psql(const QString &sql) const { m_fixture.psql(sql); }
    enum class Tracking { Off, TopLevel, Deep };
    void setTracking(Tracking tracking) const;
    void printStatements(const QString &user, int decisions, bool nested) const;

    TeamFixture &m_fixture;
    PostgresServer &m_server;
    Options m_options;
    double m_bareRatePerClient = 0; // the best yet, to size the queue for the next run
    double m_clientCpuMs = 0;
    double m_serverCpuMs = 0;
};

void TeamBench::setTracking(Tracking tracking) const
{
    // Statement and function statistics only for the breakdown: they cost time themselves,
    // those of the statements inside functions most.
    const QString statements = tracking == Tracking::Deep ? u"all"_s : tracking == Tracking::TopLevel ? u"top"_s
                                                                                                    : u"none"_s;
    psql(u"ALTER SYSTEM SET pg_stat_statements.track = '%1'"_s.arg(statements));
    psql(u"ALTER SYSTEM SET track_functions = '%1'"_s.arg(tracking == Tracking::Deep ? u"all"_s : u"none"_s));
    psql(u"SELECT pg_reload_conf()"_s);
    QThread::msleep(200);
    if (tracking != Tracking::Off)
        psql(u"SELECT pg_stat_statements_reset(), pg_stat_reset()"_s);
}

double TeamBench::ours(int stewards, int decisions, QList<double> *latencies)
{
    const QList<QUuid> batch = m_fixture.takePending(decisions);
    const qint64 approvedBefore = m_fixture.approvedIn(kTenant);

    std::vector<StewardRun> runs(stewards);
    QSemaphore ready;
    QSemaphore go;
    auto work = [&](int index) {
        StewardRun &run = runs[index];
        const QString steward = kStewards.at(index);
        auto opened = Database::open(m_server.url(steward));
        if (!opened) {
            run.error = opened.error().text();
            ready.release();
            return;
        }
        Database &database = *opened.value();
        EventBus bus;
        QObject::connect(&bus, &EventBus::eventPublished, &bus, [&run](const Event &) { ++run.eventsPublished; });
        ApprovalService service(database, bus);
        if (auto failed = database.signIn(kTenant, steward)) {
            run.error = failed->text();
            ready.release();
            return;
        }
        ready.release();
        go.acquire();
        const double cpuBefore = threadCpuSeconds();
        QElapsedTimer clock;
        for (int i = index; i < batch.size(); i += stewards) {
            clock.start();
            auto decided = service.approve(Actor{kTenant, steward}, batch.at(i));
            if (!decided) {
                run.error = u"%1 approving %2: %3"_s.arg(steward, uuidText(batch.at(i)), decided.error().text());
                return;
            }
            if (decided.value().status != ApprovalStatus::Approved || decided.value().decidedBy != steward) {
                run.error = u"%1 approving %2: the request came back %3 by %4"_s.arg(
                    steward, uuidText(batch.at(i)), toString(decided.value().status), decided.value().decidedBy);
                return;
            }
            run.latenciesMs.append(double(clock.nsecsElapsed()) / 1e6);
            ++run.decided;
        }
        run.cpuSeconds = threadCpuSeconds() - cpuBefore;
    };

    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < stewards; ++i) {
        threads.emplace_back(QThread::create(work, i));
        threads.back()->start();
    }
    ready.acquire(stewards);
    const double serverCpuBefore = m_server.cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    go.release(stewards);
    for (auto &thread : threads) {
        if (!thread->wait(QDeadlineTimer(600'000))) {
            (void)thread.release();
            fail(u"%1 stewards: a steward did not finish within 10 minutes"_s.arg(stewards));
        }
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    QThread::msleep(100); // the stewards' server processes end and are counted
    const double serverCpu = m_server.cpuSeconds() - serverCpuBefore;

    int decided = 0;
    qint64 published = 0;
    double cpu = 0;
    for (const StewardRun &run : runs) {
        cpu += run.cpuSeconds;
        if (!run.error.isEmpty())
            fail(run.error);
        decided += run.decided;
        published += run.eventsPublished;
        if (latencies)
            latencies->append(run.latenciesMs);
    }
    if (decided != decisions)
        fail(u"%1 stewards decided %2 of %3 requests"_s.arg(stewards).arg(decided).arg(decisions));
    if (published != qint64(decisions) * kEventsPerDecision)
        fail(u"%1 events reached the stewards' buses for %2 decisions, expected %3"_s.arg(published)
                 .arg(decisions)
                 .arg(qint64(decisions) * kEventsPerDecision));
    const qint64 approved = m_fixture.approvedIn(kTenant) - approvedBefore;
    if (approved != decisions)
        fail(u"%1 requests approved in the database, expected %2"_s.arg(approved).arg(decisions));
    m_clientCpuMs = cpu * 1000.0 / decisions;
    m_serverCpuMs = serverCpu * 1000.0 / decisions;
    return double(decisions) / seconds;
}

BareRun TeamBench::bare(int clients, int seconds, int transactions, QString *report)
{
    const qint64 expected = transactions > 0 ? qint64(transactions) * clients
                                             : qint64(std::max(1.5 * clients * m_bareRatePerClient * seconds, 30'000.0));
    m_fixture.ensureBareQueue(expected + 100);
    const qint64 approvedBefore = m_fixture.approvedIn(kBareTenant);

    QStringList arguments{u"-n"_s, u"-M"_s, u"prepared"_s, u"-f"_s, QStringLiteral(BENCH_TEAM_DIR "/bare_decision.sql"),
                          u"-D"_s, u"tenant="_s + uuidText(kBareTenant), u"-c"_s, QString::number(clients), u"-j"_s,
                          QString::number(clients), u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_server.port()),
                          u"-U"_s, kBareLogin};
    if (transactions > 0)
        arguments << u"-t"_s << QString::number(transactions) << u"-r"_s;
    else
        arguments << u"-T"_s << QString::number(seconds);
    arguments << PostgresServer::databaseName();
    QProcess pgbench;
    const double clientCpuBefore = childrenCpuSeconds();
    const double serverCpuBefore = m_server.cpuSeconds();
    pgbench.start(u"pgbench"_s, arguments);
    if (!pgbench.waitForFinished((seconds + 300) * 1000)) {
        pgbench.kill();
        pgbench.waitForFinished();
        fail(u"pgbench -c %1 did not finish"_s.arg(clients));
    }
    const double clientCpu = childrenCpuSeconds() - clientCpuBefore;
    QThread::msleep(100); // its server processes end and are counted
    const double serverCpu = m_server.cpuSeconds() - serverCpuBefore;
    const QString output = QString::fromUtf8(pgbench.readAllStandardOutput());
    const QString errors = QString::fromUtf8(pgbench.readAllStandardError()).trimmed();
    if (pgbench.exitStatus() != QProcess::NormalExit || pgbench.exitCode() != 0)
        fail(u"pgbench -c %1 failed (exit %2): %3"_s.arg(clients).arg(pgbench.exitCode()).arg(errors.right(2000)));
    const auto processed =
        QRegularExpression(u"number of transactions actually processed: (\\d+)"_s).match(output);
    const auto tps = QRegularExpression(u"tps = ([0-9.]+) \\(without initial connection time\\)"_s).match(output);
    const auto failed = QRegularExpression(u"number of failed transactions: (\\d+)"_s).match(output);
    if (!processed.hasMatch() || !tps.hasMatch())
        fail(u"cannot read pgbench's report:\n"_s + output);
    if (failed.hasMatch() && failed.captured(1).toLongLong() != 0)
        fail(u"pgbench -c %1: %2 failed transactions"_s.arg(clients).arg(failed.captured(1)));
    BareRun run{tps.captured(1).toDouble(), processed.captured(1).toLongLong()};
    run.clientCpuMs = clientCpu * 1000.0 / double(std::max<qint64>(1, run.transactions));
    run.serverCpuMs = serverCpu * 1000.0 / double(std::max<qint64>(1, run.transactions));
    const qint64 approved = m_fixture.approvedIn(kBareTenant) - approvedBefore;
    if (approved != run.transactions)
        fail(u"pgbench -c %1 reported %2 transactions, %3 requests were approved"_s.arg(clients)
                 .arg(run.transactions)
                 .arg(approved));
    if (transactions > 0 && run.transactions != qint64(transactions) * clients)
        fail(u"pgbench processed %1 of %2 transactions"_s.arg(run.transactions).arg(qint64(transactions) * clients));
    m_bareRatePerClient = std::max(m_bareRatePerClient, run.tps / clients);
    if (report)
        *report = output;
    return run;
}

void TeamBench::printStatements(const QString &user, int decisions, bool nested) const
{
    // Per decision, by statement: ms, calls, the text. Statements inside SECURITY DEFINER
    // functions run as the schema's owner, so those are every login's but postgres's.
    const QString filter = nested ? u"NOT toplevel AND userid <> 'postgres'::regrole"_s
                                  : u"toplevel AND userid = '\"%1\"'::regrole"_s.arg(user);
    const QStringList lines = need(
        m_server.psql(u"SELECT round(sum(total_exec_time)::numeric / %1, 3), round(sum(calls)::numeric / %1, 2), "
                      u"left(regexp_replace(min(query), '\\s+', ' ', 'g'), 96) FROM pg_stat_statements WHERE %2 "
                      u"GROUP BY queryid ORDER BY 1 DESC LIMIT 12"_s.arg(decisions).arg(filter)),
        u"reading pg_stat_statements"_s);
    std::printf(nested ? "    statements inside functions (part of the time of the statement that called them):\n"
                       : "    its statements (server time per decision, calls per decision):\n");
    for (const QString &line : lines) {
        const QStringList fields = line.split(u'|');
        if (fields.value(1).toDouble() < 0.05)
            continue; // once per connection
        std::printf("      %7s ms %6s  %s\n", qPrintable(fields.value(0)), qPrintable(fields.value(1)),
                    qPrintable(fields.value(2)));
    }
}

void TeamBench::breakdown()
{
    const int decisions = m_options.profile;
    std::printf("\nwhere the time of one decision goes, 1 steward or 1 pgbench client, %d decisions each\n", decisions);

    // First with the top-level statements counted only: their server time as it is.
    setTracking(Tracking::TopLevel);
    QList<double> latencies;
    const double rate = ours(1, decisions, &latencies);
    const double clientCpuMs = m_clientCpuMs;
    QThread::msleep(700); // the backends' statistics reach shared memory when they end
    const double wallMs = 1000.0 / rate;
    const double serverMs =
        need(m_server.scalar(u"SELECT sum(total_exec_time) / %1 FROM pg_stat_statements WHERE userid = '\"%2\"'::regrole"_s
                                 .arg(decisions)
                                 .arg(kStewards.first())),
             u"reading pg_stat_statements"_s)
            .toDouble();
    std::printf("  ours: wall %.3f ms per decision (p50 %.3f, p99 %.3f) = server %.3f ms (its statements) + client, "
                "driver and network %.3f ms, of which the client's CPU (Qt, QPSQL, libpq, its system calls) %.3f ms\n",
                wallMs, percentile(latencies, 0.5).value_or(0), percentile(latencies, 0.99).value_or(0),
                serverMs, wallMs - serverMs, clientCpuMs);
    printStatements(kStewards.first(), decisions, false);

    m_fixture.ensureBareQueue(decisions + 100);
    setTracking(Tracking::TopLevel);
    QString report;
    const BareRun bareRun = bare(1, 0, decisions, &report);
    QThread::msleep(700);
    const double bareWallMs = 1000.0 / bareRun.tps;
    const double bareServerMs =
        need(m_server.scalar(u"SELECT sum(total_exec_time) / %1 FROM pg_stat_statements WHERE userid = '\"%2\"'::regrole"_s
                                 .arg(decisions)
                                 .arg(kBareLogin)),
             u"reading pg_stat_statements"_s)
            .toDouble();
    std::printf("  pgbench: wall %.3f ms per transaction = server %.3f ms (its statements) + client, driver and network "
                "%.3f ms\n",
                bareWallMs, bareServerMs, bareWallMs - bareServerMs);
    printStatements(kBareLogin, decisions, false);
    const int latencyTable = report.indexOf(u"statement latencies"_s);
    if (latencyTable >= 0)
        std::printf("    pgbench's own per-statement latencies (client side):\n%s", qPrintable(report.mid(latencyTable)));

    // Then inside the functions too, which slows everything down: the shares count, not the times.
    setTracking(Tracking::Deep);
    (void)ours(1, decisions);
    QThread::msleep(700);
    std::printf("  ours again, statements inside functions and the functions counted too (which slows them down):\n");
    printStatements(kStewards.first(), decisions, true);
    const QStringList functions = need(
        m_server.psql(u"SELECT funcname, round(calls::numeric / %1, 2), round(total_time::numeric / %1, 3), "
                      u"round(self_time::numeric / %1, 3) FROM pg_stat_user_functions "
                      u"WHERE funcname LIKE 'steward\\_%' ORDER BY total_time DESC"_s.arg(decisions)),
        u"reading pg_stat_user_functions"_s);
    std::printf("    functions per decision (calls, total ms, self ms; a SQL function inlined into its caller is not "
                "counted):\n");
    for (const QString &line : functions) {
        const QStringList fields = line.split(u'|');
        std::printf("      %-28s %6s calls %8s ms %8s ms self\n", qPrintable(fields.value(0)),
                    qPrintable(fields.value(1)), qPrintable(fields.value(2)), qPrintable(fields.value(3)));
    }
    setTracking(Tracking::Off);
}

} // namespace

int run(const Options &options, int port, Verdict &verdict)
{
    PostgresServer server(port);
    TeamFixture fixture(server);
    fixture.setUp(options.rounds * 2 * options.decisions + 2 * options.profile + kWarmUp);
    TeamBench bench(fixture, options);
    std::printf("PostgreSQL %s on 127.0.0.1:%d (fsync off, synchronous_commit off, as tests/postgres/test-server.sh "
                "starts it); load before the rounds: %s\n",
                qPrintable(need(server.scalar(u"SHOW server_version"_s), u"psql"_s)), port, qPrintable(machineLoad()));

    // Warm up both (plans, caches, the first pgbench estimate), then measure.
    (void)bench.ours(1, kWarmUp);
    (void)bench.bare(1, 2);

    QList<double> ours1, ours4, bare1, bare4;
    std::printf("\n%-6s %-9s %12s %12s %7s   %-26s %-26s %s\n", "round", "stewards", "ours dec/s", "pgbench tps",
                "ratio", "ours CPU ms/decision", "pgbench CPU ms/transaction", "load");
    std::printf("%-6s %-9s %12s %12s %7s   %-26s %-26s\n", "", "", "", "", "", "client + server = total",
                "client + server = total");
    for (int round = 1; round <= options.rounds; ++round) {
        for (const int stewards : {1, 4}) {
            double oursRate = 0;
            double clientCpu = 0;
            double serverCpu = 0;
            BareRun bareRun;
            // Alternate which goes first, so a busy moment of the shared machine does not
            // always hit the same one.
            if ((round + stewards) % 2 == 0) {
                oursRate = bench.ours(stewards, options.decisions);
                clientCpu = bench.clientCpuMs();
                serverCpu = bench.serverCpuMs();
                bareRun = bench.bare(stewards, options.seconds);
            } else {
                bareRun = bench.bare(stewards, options.seconds);
                oursRate = bench.ours(stewards, options.decisions);
                clientCpu = bench.clientCpuMs();
                serverCpu = bench.serverCpuMs();
            }
            (stewards == 1 ? ours1 : ours4).append(oursRate);
            (stewards == 1 ? bare1 : bare4).append(bareRun.tps);
            const QString oursCpu = u"%1 + %2 = %3"_s.arg(clientCpu, 0, 'f', 3).arg(serverCpu, 0, 'f', 3).arg(
                clientCpu + serverCpu, 0, 'f', 3);
            const QString bareCpu = u"%1 + %2 = %3"_s.arg(bareRun.clientCpuMs, 0, 'f', 3)
                                        .arg(bareRun.serverCpuMs, 0, 'f', 3)
                                        .arg(bareRun.clientCpuMs + bareRun.serverCpuMs, 0, 'f', 3);
            std::printf("%-6d %-9d %12.1f %12.1f %7.2f   %-26s %-26s %s\n", round, stewards, oursRate, bareRun.tps,
                        oursRate / bareRun.tps, qPrintable(oursCpu), qPrintable(bareCpu), qPrintable(machineLoad()));
            std::fflush(stdout);
        }
    }

    std::printf("\nmedian of %d rounds (%d decisions per measurement of ours, pgbench -T %d):\n", options.rounds,
                options.decisions, options.seconds);
    for (const int stewards : {1, 4}) {
        const auto oursMedian = verdict.median(stewards == 1 ? ours1 : ours4, u"our decisions"_s);
        const auto bareMedian = verdict.median(stewards == 1 ? bare1 : bare4, u"pgbench"_s);
        if (!oursMedian || !bareMedian)
            return verdict.exitStatus();
        const double ratio = *oursMedian / *bareMedian;
        std::printf("  %d steward%s: ours %.1f decisions/s, bare SQL (pgbench) %.1f/s, ratio %.2f (target >= 0.50) "
                    "%s\n",
                    stewards, stewards == 1 ? " " : "s", *oursMedian, *bareMedian, ratio,
                    ratio >= 0.5 ? "met" : "NOT met");
    }
    std::fflush(stdout);

    bench.breakdown();
    std::printf("\nload after the run: %s\n", qPrintable(machineLoad()));
    return verdict.exitStatus();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Decisions per second on a team database against pgbench's bare SQL"_s);
    parser.addHelpOption();
    const QCommandLineOption rounds(u"rounds"_s, u"Rounds (default 3)."_s, u"R"_s, u"3"_s);
    const QCommandLineOption decisions(u"decisions"_s, u"Decisions per measurement of ours (default 6000)."_s,
                                       u"N"_s, u"6000"_s);
    const QCommandLineOption seconds(u"seconds"_s, u"Seconds per pgbench run (default 5)."_s, u"T"_s, u"5"_s);
    const QCommandLineOption profile(u"profile"_s, u"Decisions of the breakdown (default 400)."_s, u"M"_s, u"400"_s);
    parser.addOptions({rounds, decisions, seconds, profile});
    parser.process(app);
    Options options;
    options.rounds = std::max(1, parser.value(rounds).toInt());
    options.decisions = std::max(4, parser.value(decisions).toInt());
    options.seconds = std::max(1, parser.value(seconds).toInt());
    options.profile = std::max(10, parser.value(profile).toInt());
    const int port = qEnvironmentVariableIsSet("STEWARD_BENCH_POSTGRES_PORT")
                         ? qEnvironmentVariableIntValue("STEWARD_BENCH_POSTGRES_PORT")
                         : 55491;

    Verdict verdict(u"bench_team_decisions"_s);
    try {
        return run(options, port, verdict);
    } catch (const Failure &failure) {
        // The server is stopped by now (PostgresServer's destructor ran while unwinding).
        std::fflush(stdout);
        verdict.fail(failure.message);
        return verdict.exitStatus();
    }
}
