// Profiling a 5M-row PostgreSQL table with 6 bound columns (issue 11), side by side with
// psql running the same measurements as one hand-written aggregate query, once without
// distinct counts and once with COUNT(DISTINCT) per column.
// Targets: within 1.25x of the query without distinct counts, at least 5x faster than
// the one with COUNT(DISTINCT).
//
// Starts a throw-away server of its own (tests/postgres/test-server.sh, port 55498 or
// STEWARD_BENCH_POSTGRES_PORT), generates the table, runs `rounds` rounds (default 3;
// the first argument) and prints the medians and ratios. Exits non-zero with a clear
// line when a round fails or the counts of the three disagree.

#include "BenchSupport.h"
#include "PostgresServer.h"
#include "model/Approval.h"
#include "profiler/ProfileRunner.h"
#include "store/DataSourceRepository.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/EntityRepository.h"
#include "store/Migrator.h"
#include "json/JsonNode.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::profiler;

namespace {

constexpr qint64 kRows = 5'000'000;

// ~1.5% NULLs per column; code ~5,000 values (1% lower case, failing the regex),
// amount 60% distinct (1% negative, failing the range), currency 10 values (2 outside
// the enum), order_date 1,800 days, customer_id 99% distinct.
const char *const kGenerate = R"SQL(
CREATE TABLE orders (id bigint PRIMARY KEY, code text, amount double precision, currency text,
                     order_date date, customer_id text);
INSERT INTO orders
SELECT i,
  CASE WHEN i % 67 = 1 THEN NULL
       WHEN i % 101 = 0 THEN lower(chr(65 + (i % 5000) % 26) || chr(65 + ((i % 5000) / 26) % 26)) || '-' || lpad((i % 5000)::text, 4, '0')
       ELSE chr(65 + (i % 5000) % 26) || chr(65 + ((i % 5000) / 26) % 26) || '-' || lpad((i % 5000)::text, 4, '0') END,
  CASE WHEN i % 71 = 2 THEN NULL ELSE ((i % 3000000) - 30000) / 100.0 END,
  CASE WHEN i % 73 = 3 THEN NULL ELSE (ARRAY['EUR','USD','GBP','CHF','JPY','SEK','NOK','DKK','XXX','eur'])[1 + i % 10] END,
  CASE WHEN i % 79 = 4 THEN NULL ELSE date '2020-01-01' + (i * 13) % 1800 END,
  CASE WHEN i % 83 = 5 THEN NULL ELSE 'C' || lpad((i % 4950000)::text, 8, '0') END
FROM generate_series(1, 5000000) i;
ANALYZE orders;
)SQL";

// The measurements of the profile, written by hand: rows; per column its values, its
// dataType check, its rule and both together.
const char *const kMeasures = R"SQL(count(*),
  count(id),
  count(code), count(*) FILTER (WHERE length(code) <= 7), count(*) FILTER (WHERE code ~ '^[A-Z]{2}-[0-9]{4}$'),
  count(*) FILTER (WHERE length(code) <= 7 AND code ~ '^[A-Z]{2}-[0-9]{4}$'),
  count(amount), count(*) FILTER (WHERE round(amount * 100) / 100 = amount AND abs(amount) < 1e10),
  count(*) FILTER (WHERE amount BETWEEN 0 AND 100000),
  count(*) FILTER (WHERE round(amount * 100) / 100 = amount AND abs(amount) < 1e10 AND amount BETWEEN 0 AND 100000),
  count(currency), count(*) FILTER (WHERE length(currency) <= 3),
  count(*) FILTER (WHERE currency IN ('EUR','USD','GBP','CHF','JPY','SEK','NOK','DKK')),
  count(*) FILTER (WHERE length(currency) <= 3 AND currency IN ('EUR','USD','GBP','CHF','JPY','SEK','NOK','DKK')),
  count(order_date),
  count(customer_id), count(*) FILTER (WHERE length(customer_id) <= 12))SQL";

const char *const kDistincts = R"SQL(, count(DISTINCT id), count(DISTINCT code), count(DISTINCT amount),
  count(DISTINCT currency), count(DISTINCT order_date), count(DISTINCT customer_id))SQL";

struct Field
{
    QString column;
    QString dataType;
    QString format;
    QString ruleType; // empty: none
    QJsonObject definition;
};

const QList<Field> &fields()
{
    static const QList<Field> list{
        {u"id"_s, u"INTEGER"_s, {}, {}, {}},
        {u"code"_s, u"TEXT"_s, u"7"_s, u"regex"_s, QJsonObject{{u"pattern"_s, u"^[A-Z]{2}-[0-9]{4}$"_s}}},
        {u"amount"_s, u"DECIMAL"_s, u"12,2"_s, u"range"_s, QJsonObject{{u"min"_s, 0}, {u"max"_s, 100000}}},
        {u"currency"_s, u"TEXT"_s, u"3"_s, u"enum"_s,
         QJsonObject{{u"values"_s, QJsonArray{u"EUR"_s, u"USD"_s, u"GBP"_s, u"CHF"_s, u"JPY"_s, u"SEK"_s, u"NOK"_s,
                                              u"DKK"_s}}}},
        {u"order_date"_s, u"DATE"_s, {}, {}, {}},
        {u"customer_id"_s, u"TEXT"_s, u"12"_s, {}, {}},
    };
    return list;
}

// A failed round or setup: main reports it and exits non-zero, after the server stopped.
struct Failure
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw Failure{message};
}

// psql running `sql` on the server: the last output row's fields, and the wall time in seconds.
QStringList psql(const bench::PostgresServer &server, const QString &database, const QString &sql,
                 double *seconds = nullptr)
{
    auto lines = server.psql(sql, u"postgres"_s, database, seconds);
    if (!lines)
        fail(lines.error().text());
    return lines.value().value(lines.value().size() - 1).split(u'|');
}

// The metadata side: a migrated SQLite file with the six fields bound to the table.
std::unique_ptr<Database> metadata(const QString &path, const QUuid &tenant, int port)
{
    auto opened = Database::open(DatabaseUrl::sqlite(path));
    if (!opened)
        fail(opened.error().text());
    std::unique_ptr<Database> database = std::move(opened.value());
    auto check = [](const Status &status) {
        if (status)
            fail(status->text());
    };
    check(Migrator(*database).upgrade());
    check(DirectoryRepository(*database).addTenant(Tenant{tenant, u"Bench"_s}));
    DataSource source;
    source.tenantId = tenant;
    source.name = u"orders_db"_s;
    source.driver = DataSource::PostgresDriver;
    source.host = u"127.0.0.1"_s;
    source.port = port;
    source.databaseName = u"bench"_s;
    source.schemaName = u"public"_s;
    source.username = u"postgres"_s;
    if (auto saved = DataSourceRepository(*database).save(source); !saved)
        fail(saved.error().text());
    EntityRepository entities(*database);
    for (const Field &field : fields()) {
        const QString key = u"bench.orders."_s + field.column;
        QJsonObject payload{{u"canonicalKey"_s, key},
                            {u"label"_s, field.column},
                            {u"domain"_s, u"Sales"_s},
                            {u"entityUrn"_s, u"urn:bench:orders."_s + field.column},
                            {u"tier"_s, toString(Tier::Tier2)},
                            {u"dataType"_s, field.dataType},
                            {u"status"_s, u"active"_s},
                            {u"binding"_s, QJsonObject{{u"source"_s, u"orders_db"_s}, {u"schema"_s, u"public"_s},
                                                       {u"table"_s, u"orders"_s}, {u"column"_s, field.column}}}};
        if (!field.format.isEmpty())
            payload.insert(u"format"_s, field.format);
        if (auto applied = entities.apply(tenant, EntityType::GlobalMetadata, std::nullopt,
                                          json::fromQJsonValue(payload), QDateTime::currentDateTimeUtc());
            !applied)
            fail(applied.error().text());
        if (field.ruleType.isEmpty())
            continue;
        const QJsonObject rule{{u"canonicalKey"_s, u"rule."_s + key}, {u"label"_s, key},
                               {u"appliesTo"_s, key},                 {u"ruleType"_s, field.ruleType},
                               {u"definition"_s, field.definition},   {u"severity"_s, u"error"_s},
                               {u"status"_s, u"active"_s}};
        if (auto applied = entities.apply(tenant, EntityType::BusinessRule, std::nullopt, json::fromQJsonValue(rule),
                                          QDateTime::currentDateTimeUtc());
            !applied)
            fail(applied.error().text());
    }
    return database;
}

// Our profile's counts in the order of kMeasures.
QList<qint64> measures(const QList<ProfileRun> &runs)
{
    QList<qint64> values{runs.at(0).metrics.rows};
    for (int i = 0; i < runs.size(); ++i) {
        const ProfileRun &run = runs.at(i);
        values.append(run.metrics.nonNull);
        const QJsonObject dataType = run.details.value(u"dataType"_s).toObject();
        const bool typeChecked = dataType.contains(u"violations"_s) && (i == 1 || i == 2 || i == 3 || i == 5);
        if (typeChecked)
            values.append(run.metrics.nonNull - dataType.value(u"violations"_s).toInteger());
        if (!run.metrics.rules.isEmpty()) {
            values.append(run.metrics.nonNull - run.metrics.rules.constFirst().violations);
            values.append(run.metrics.valid);
        }
    }
    return values;
}

} // namespace

int run(int argc, char *argv[], bench::Verdict &verdict)
{
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 3;
    const int port = qEnvironmentVariableIsSet("STEWARD_BENCH_POSTGRES_PORT")
                         ? qEnvironmentVariableIntValue("STEWARD_BENCH_POSTGRES_PORT")
                         : 55442;
    bench::PostgresServer server(port);
    // STEWARD_BENCH_POSTGRES_EXISTING=1: a server already on the port with the table in
    // database "bench", e.g. to look at its statement log.
    if (qEnvironmentVariableIntValue("STEWARD_BENCH_POSTGRES_EXISTING") != 1) {
        if (auto failed = server.start())
            fail(failed->text());
        QElapsedTimer clock;
        clock.start();
        psql(server, u"postgres"_s, u"CREATE DATABASE bench"_s);
        psql(server, u"bench"_s, QString::fromUtf8(kGenerate));
        std::printf("generated %lld rows in %.1f s\n", kRows, double(clock.elapsed()) / 1000.0);
    }
    std::printf("PostgreSQL %s, %s\n", qPrintable(psql(server, u"bench"_s, u"SHOW server_version"_s).value(0)),
                qPrintable(psql(server, u"bench"_s, u"SELECT 'max_parallel_workers_per_gather ' || "
                                                    u"current_setting('max_parallel_workers_per_gather') || ', jit ' || "
                                                    u"current_setting('jit')"_s)
                               .value(0)));

    const QUuid tenant = QUuid::createUuid();
    const std::unique_ptr<Database> database = metadata(server.filePath(u"steward.db"_s), tenant, port);
    QStringList keys;
    for (const Field &field : fields())
        keys.append(u"bench.orders."_s + field.column);
    const QString plain = u"SELECT "_s + QString::fromUtf8(kMeasures) + u" FROM orders"_s;
    const QString distinct = u"SELECT "_s + QString::fromUtf8(kMeasures) + QString::fromUtf8(kDistincts)
                             + u" FROM orders"_s;

    QList<double> ours;
    QList<double> oursOneConnection;
    QList<double> plainTimes;
    QList<double> distinctTimes;
    std::printf("%-6s %12s %16s %14s %18s\n", "round", "profile s", "1 connection s", "psql plain s",
                "psql DISTINCT s");
    for (int round = 1; round <= rounds; ++round) {
        // Each round: our profile, then the two queries (the order rotates, so that a
        // busy moment of the shared machine does not always hit the same one).
        double profileSeconds = 0;
        double oneConnectionSeconds = 0;
        double plainSeconds = 0;
        double distinctSeconds = 0;
        QList<ProfileRun> runs;
        QStringList plainRow;
        QStringList distinctRow;
        QList<ProfileRun> oneConnection;
        auto profile = [&](int threads, double *seconds) {
            QElapsedTimer timer;
            timer.start();
            ProfileRunner runner(*database);
            ProfileRunner::Options options;
            options.scanThreads = threads;
            auto result = runner.run(tenant, keys, Trigger::Manual, options);
            *seconds = double(timer.nsecsElapsed()) / 1e9;
            if (!result)
                fail(u"round %1: the profile failed: %2"_s.arg(round).arg(result.error().text()));
            for (const ProfileRun &run : result.value()) {
                if (run.status != RunStatus::Completed)
                    fail(u"round %1: %2 did not complete: %3"_s.arg(round).arg(run.canonicalKey, run.error));
            }
            return result.value();
        };
        for (int step = 0; step < 4; ++step) {
            switch ((step + round) % 4) {
            case 0: runs = profile(0, &profileSeconds); break;
            case 1: plainRow = psql(server, u"bench"_s, plain, &plainSeconds); break;
            case 2: distinctRow = psql(server, u"bench"_s, distinct, &distinctSeconds); break;
            default: oneConnection = profile(1, &oneConnectionSeconds); break;
            }
        }
        if (measures(oneConnection) != measures(runs))
            fail(u"round %1: the profile on one connection counts differently"_s.arg(round));
        // The three must agree: every count, and the distinct values (ours exact or
        // within 2% where estimated).
        const QList<qint64> profiled = measures(runs);
        for (int i = 0; i < profiled.size(); ++i) {
            if (profiled.at(i) != plainRow.value(i).toLongLong() || plainRow.value(i) != distinctRow.value(i))
                fail(u"round %1: count %2 disagrees: profile %3, psql %4 / %5"_s.arg(round)
                         .arg(i)
                         .arg(profiled.at(i))
                         .arg(plainRow.value(i), distinctRow.value(i)));
        }
        if (plainRow.size() != profiled.size())
            fail(u"round %1: %2 counts from psql, %3 from the profile"_s.arg(round).arg(plainRow.size()).arg(profiled.size()));
        for (int c = 0; c < runs.size(); ++c) {
            const qint64 truth = distinctRow.value(profiled.size() + c).toLongLong();
            const ColumnMetrics &metrics = runs.at(c).metrics;
            const bool agrees = metrics.distinctExact ? metrics.distinct == truth
                                                      : std::fabs(double(metrics.distinct - truth)) <= 0.02 * double(truth);
            if (round == 1)
                std::printf("  %-12s distinct %9lld (%s), COUNT(DISTINCT) %9lld\n", qPrintable(fields().at(c).column),
                            metrics.distinct, metrics.distinctExact ? "exact" : "HyperLogLog", truth);
            if (!agrees)
                fail(u"round %1: distinct values of %2: profile %3, COUNT(DISTINCT) %4"_s.arg(round)
                         .arg(fields().at(c).column)
                         .arg(metrics.distinct)
                         .arg(truth));
        }
        ours.append(profileSeconds);
        oursOneConnection.append(oneConnectionSeconds);
        plainTimes.append(plainSeconds);
        distinctTimes.append(distinctSeconds);
        std::printf("%-6d %12.2f %16.2f %14.2f %18.2f   (parts %d)\n", round, profileSeconds, oneConnectionSeconds,
                    plainSeconds, distinctSeconds, runs.at(0).details.value(u"scanParts"_s).toInt());
        std::fflush(stdout);
    }

    const auto profiled = verdict.median(ours, u"the profile"_s);
    const auto oneConnection = verdict.median(oursOneConnection, u"the profile on one connection"_s);
    const auto plainMedian = verdict.median(plainTimes, u"psql without distinct counts"_s);
    const auto distinctMedian = verdict.median(distinctTimes, u"psql with COUNT(DISTINCT)"_s);
    if (!profiled || !oneConnection || !plainMedian || !distinctMedian)
        return verdict.exitStatus();
    const double profile = *profiled;
    const double withoutDistinct = *plainMedian;
    const double withDistinct = *distinctMedian;
    std::printf("\nmedian of %d rounds, %lld rows, 6 bound columns:\n", rounds, kRows);
    std::printf("  our profile (one scan, distinct counts included)  %8.2f s\n", profile);
    std::printf("  our profile on one connection (no block ranges)   %8.2f s\n", *oneConnection);
    std::printf("  psql, hand-written query without distinct counts  %8.2f s\n", withoutDistinct);
    std::printf("  psql, the same with COUNT(DISTINCT) per column    %8.2f s\n", withDistinct);
    std::printf("  profile / query without distinct: %.2fx (target <= 1.25x) %s\n", profile / withoutDistinct,
                profile / withoutDistinct <= 1.25 ? "met" : "NOT met");
    std::printf("  COUNT(DISTINCT) query / profile:  %.2fx (target >= 5x) %s\n", withDistinct / profile,
                withDistinct / profile >= 5.0 ? "met" : "NOT met");
    return verdict.exitStatus();
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::Verdict verdict(u"bench_postgres_profile"_s);
    try {
        return run(argc, argv, verdict);
    } catch (const Failure &failure) {
        // The server is stopped by now (Server's destructor ran while unwinding).
        std::fflush(stdout);
        verdict.fail(failure.message);
        return verdict.exitStatus();
    }
}
