// One pushed-down profile scan of the demo's journal_lines (1,000,000 rows, every bound
// column: completeness, distinct counts, validity by rule and data type) on one thread and
// on two, against the named baseline: the sqlite3 shell, run as a real process beside it
// in the same rounds, answering the hand-written aggregate COUNT(*), COUNT(c),
// COUNT(DISTINCT c) for the same columns (which checks no rule at all). Also times what
// the figures rest on: seeding the demo with its warehouse, and rewriting its 90 days of
// profile history. Prints medians and ratios; fails loudly (exit 1) when a round fails or
// times out, when sqlite3 is missing, or when the two disagree on a count.
//
//   bench_profile_scan [ROUNDS]      (default 3)

#include "BenchSupport.h"
#include "BoundFields.h"
#include "demo/DemoCatalog.h"
#include "demo/FirstRun.h"
#include "demo/ProfileHistorySeeder.h"
#include "demo/WarehouseSeeder.h"
#include "model/Approval.h"
#include "profiler/ProfileRunner.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

constexpr qint64 kJournalLines = 1'000'000;
constexpr int kSqliteTimeoutMs = 10 * 60 * 1000;

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// Rows over every table of the warehouse, and how many tables.
std::pair<qint64, int> warehouseSize(const QString &path)
{
    auto warehouse = Database::open(DatabaseUrl::sqlite(path));
    if (!warehouse)
        return {-1, 0};
    auto tables = warehouse.value()->run(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s);
    qint64 rows = 0;
    int count = 0;
    while (tables && tables.value().next()) {
        // A name the catalog gave, quoted: no value of ours goes into this SQL.
        auto counted = warehouse.value()->run(
            u"SELECT COUNT(*) FROM \"%1\""_s.arg(tables.value().value(0).toString().replace(u'"', u"\"\""_s)));
        if (!counted || !counted.value().next())
            return {-1, count};
        rows += counted.value().value(0).toLongLong();
        ++count;
    }
    return {rows, count};
}

// What a run counted for one column, to hold against what sqlite3 counts.
struct Counts
{
    qint64 nonNull = 0;
    qint64 distinct = 0;
    bool distinctExact = true;
};

struct Scan
{
    QHash<QString, Counts> counts; // by column
    qint64 rows = 0;
};

// Profiles every field bound to journal_lines in one call; the runner scans the table
// once for all of them. Every field's run must complete.
std::optional<Scan> profileScan(Database &database, const bench::BoundFields &fields, int threads,
                                bench::Verdict &verdict)
{
    profiler::ProfileRunner::Options options;
    options.scanThreads = threads;
    auto runs = profiler::ProfileRunner(database).run(demo::northwindTenantId(), fields.keys,
                                                      profiler::Trigger::Manual, options);
    if (!verdict.require(runs.ok(), u"the %1-thread scan: %2"_s.arg(threads).arg(runs ? QString()
                                                                                         : runs.error().text())))
        return std::nullopt;
    Scan scan;
    for (const profiler::ProfileRun &run : runs.value()) {
        if (!verdict.require(run.status == profiler::RunStatus::Completed,
                             u"the %1-thread scan of %2: %3"_s.arg(threads).arg(run.canonicalKey, run.error)))
            return std::nullopt;
        const QString column = fields.columns.value(fields.keys.indexOf(run.canonicalKey));
        scan.counts.insert(column, Counts{run.metrics.nonNull, run.metrics.distinct, run.metrics.distinctExact});
        scan.rows = run.rowCount;
    }
    return scan;
}

QString aggregateSql(const QStringList &columns)
{
    QStringList terms{u"COUNT(*)"_s};
    for (const QString &column : columns)
        terms << u"COUNT(\"%1\")"_s.arg(column) << u"COUNT(DISTINCT \"%1\")"_s.arg(column);
    return u"SELECT %1 FROM journal_lines;"_s.arg(terms.join(u", "_s));
}

// Runs the sqlite3 shell on the warehouse; its output line, or empty after a failure.
QByteArray runSqlite(const QString &shell, const QString &warehouse, const QString &sql, bench::Verdict &verdict)
{
    QProcess process;
    process.start(shell, {u"-batch"_s, u"-readonly"_s, warehouse, sql});
    if (!process.waitForStarted(10000)) {
        verdict.fail(u"cannot start %1: %2"_s.arg(shell, process.errorString()));
        return {};
    }
    if (!process.waitForFinished(kSqliteTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        verdict.fail(u"sqlite3 timed out after %1 s"_s.arg(kSqliteTimeoutMs / 1000));
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        verdict.fail(u"sqlite3 failed (exit status %1): %2"_s.arg(process.exitCode())
                         .arg(QString::fromLocal8Bit(process.readAllStandardError())));
        return {};
    }
    return process.readAllStandardOutput().trimmed();
}

// Holds sqlite3's counts against the scan's; exact distinct counts must agree.
void compareCounts(const Scan &scan, const QStringList &columns, const QByteArray &line, bench::Verdict &verdict)
{
    const QList<QByteArray> values = line.split('|');
    if (!verdict.require(values.size() == 1 + 2 * columns.size(),
                         u"sqlite3 answered \"%1\" for %2 columns"_s.arg(QString::fromUtf8(line)).arg(columns.size())))
        return;
    verdict.require(values.at(0).toLongLong() == scan.rows,
                    u"row count: sqlite3 %1, the scan %2"_s.arg(QString::fromUtf8(values.at(0))).arg(scan.rows));
    std::printf("\n%-20s %12s %12s %14s %14s\n", "column", "non-null", "(sqlite3)", "distinct", "(sqlite3)");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QString &column = columns.at(i);
        const Counts ours = scan.counts.value(column);
        const qint64 nonNull = values.at(1 + 2 * i).toLongLong();
        const qint64 distinct = values.at(2 + 2 * i).toLongLong();
        std::printf("%-20s %12lld %12lld %14lld %14lld%s\n", qPrintable(column), static_cast<long long>(ours.nonNull),
                    static_cast<long long>(nonNull), static_cast<long long>(ours.distinct),
                    static_cast<long long>(distinct), ours.distinctExact ? "" : "  (HyperLogLog estimate)");
        verdict.require(ours.nonNull == nonNull, u"%1: non-null %2, sqlite3 says %3"_s.arg(column)
                                                     .arg(ours.nonNull)
                                                     .arg(nonNull));
        if (ours.distinctExact)
            verdict.require(ours.distinct == distinct, u"%1: %2 distinct values, sqlite3 says %3"_s.arg(column)
                                                           .arg(ours.distinct)
                                                           .arg(distinct));
    }
}

void printTimes(const char *what, const QList<double> &times, bench::Verdict &verdict)
{
    const auto median = verdict.median(times, QString::fromUtf8(what));
    if (!median)
        return;
    std::printf("  %-44s %7.2f s  (rounds: %.2f .. %.2f s)\n", what, *median,
                *std::min_element(times.cbegin(), times.cend()), *std::max_element(times.cbegin(), times.cend()));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    bench::Verdict verdict(u"bench_profile_scan"_s);
    const int rounds = std::max(1, argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 3);
#ifndef NDEBUG
    std::printf("WARNING: this is a debug build; configure with -DCMAKE_BUILD_TYPE=Release for figures.\n");
#endif

    // The baseline first: no point seeding for minutes without it.
    const QString shell = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (shell.isEmpty()) {
        verdict.fail(u"the sqlite3 shell is the baseline and is not on PATH: install it (Debian: apt-get install "
                     u"sqlite3)"_s);
        return verdict.exitStatus();
    }
    QProcess version;
    version.start(shell, {u"-version"_s});
    version.waitForFinished(10000);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.db"_s);
    const DatabaseUrl url = DatabaseUrl::sqlite(path);
    const QString warehouse = WarehouseSeeder::pathBeside(path);

    // What the app does on first start: migrate, then the demo with its 1M-row warehouse.
    qputenv("STEWARD_DEMO_WAREHOUSE_ROWS", QByteArray::number(kJournalLines));
    QElapsedTimer seeding;
    seeding.start();
    const auto seeded = prepareDatabase(url, true);
    const double seedSeconds = seconds(seeding);
    if (!verdict.require(seeded.ok(), u"seeding the demo: "_s + (seeded ? QString() : seeded.error().text())))
        return verdict.exitStatus();
    const auto [warehouseRows, warehouseTables] = warehouseSize(warehouse);
    verdict.require(warehouseRows > kJournalLines, u"the warehouse %1 holds %2 rows"_s.arg(warehouse).arg(warehouseRows));
    std::printf("demo with its warehouse seeded in %.2f s (%lld warehouse rows over %d tables)\n", seedSeconds,
                static_cast<long long>(warehouseRows), warehouseTables);

    auto opened = Database::open(url);
    if (!verdict.require(opened.ok(), opened ? QString() : opened.error().text()))
        return verdict.exitStatus();
    Database &database = *opened.value();

    // The 90 days of profile history the demo writes, rewritten in its one transaction.
    QList<double> historyMs;
    demo::ProfileHistorySeeder::Summary history;
    for (int round = 0; round < rounds; ++round) {
        bool cleared = true;
        for (const QUuid &tenant : {demo::northwindTenantId(), demo::contosoTenantId()}) {
            for (const QString &table : {u"mdm_alert"_s, u"mdm_profile"_s})
                cleared = database.run(u"DELETE FROM %1 WHERE tenant_id = ?"_s.arg(table), {uuidText(tenant)}).ok()
                          && cleared;
        }
        demo::ProfileHistorySeeder::Options options;
        options.journalLines = kJournalLines;
        QElapsedTimer timer;
        timer.start();
        auto written = demo::ProfileHistorySeeder(database).seedDemo(options);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (verdict.require(cleared && written.ok(),
                            u"history round %1: %2"_s.arg(round + 1).arg(written ? QString() : written.error().text()))) {
            historyMs.append(ms);
            history = written.value();
        }
    }
    if (const auto ms = verdict.median(historyMs, u"history seeding"_s))
        std::printf("90 days of profile history: %d runs (%d failed) and %d alerts (%d open) written in %.0f ms "
                    "(median of %d)\n",
                    history.runs, history.failedRuns, history.alerts, history.openAlerts, *ms, rounds);

    const auto bound = bench::boundFields(database, demo::northwindTenantId(), u"journal_lines"_s);
    if (!verdict.require(bound && !bound.value().keys.isEmpty(),
                         u"no field is bound to journal_lines: "_s + (bound ? QString() : bound.error().text())))
        return verdict.exitStatus();
    const bench::BoundFields &fields = bound.value();

    // Warm the page cache the same way for everyone, untimed.
    (void)runSqlite(shell, warehouse, u"SELECT COUNT(*) FROM journal_lines;"_s, verdict);
    (void)profileScan(database, fields, 2, verdict);

    QList<double> oneThread, twoThreads, sqlite;
    std::optional<Scan> reference;
    QByteArray sqliteLine;
    for (int round = 0; round < rounds; ++round) {
        for (const int threads : {1, 2}) {
            QElapsedTimer timer;
            timer.start();
            const auto scan = profileScan(database, fields, threads, verdict);
            const double elapsed = seconds(timer);
            if (!scan)
                continue;
            reference = *scan;
            (threads == 1 ? oneThread : twoThreads).append(elapsed);
        }
        if (!reference)
            break;
        QElapsedTimer timer;
        timer.start();
        const QByteArray line = runSqlite(shell, warehouse, aggregateSql(fields.columns), verdict);
        const double elapsed = seconds(timer);
        if (!line.isEmpty()) {
            sqlite.append(elapsed);
            sqliteLine = line;
        }
    }
    if (!reference)
        return verdict.exitStatus();

    std::printf("\none scan of journal_lines: %lld rows, %lld bound columns; left out (binding does not resolve): "
                "%s\n",
                static_cast<long long>(reference->rows), static_cast<long long>(fields.columns.size()),
                fields.leftOut.isEmpty() ? "none" : qPrintable(fields.leftOut.join(u"; "_s)));
    std::printf("baseline: %s %s as a process, SELECT COUNT(*), COUNT(c), COUNT(DISTINCT c) per column (no "
                "validity checks)\n",
                qPrintable(shell), version.readAllStandardOutput().split(' ').value(0).constData());
    if (!sqliteLine.isEmpty())
        compareCounts(*reference, fields.columns, sqliteLine, verdict);

    std::printf("\nmedian of %d rounds, wall-clock:\n", rounds);
    printTimes("profile scan, one thread", oneThread, verdict);
    printTimes("profile scan, two threads", twoThreads, verdict);
    printTimes("sqlite3 shell, COUNT(DISTINCT) aggregate", sqlite, verdict);
    const auto one = bench::median(oneThread), two = bench::median(twoThreads), shellTime = bench::median(sqlite);
    if (one && two && shellTime)
        std::printf("ratios: sqlite3 / one thread %.2fx, sqlite3 / two threads %.2fx, one / two threads %.2fx "
                    "(>1: the first takes longer)\n",
                    *shellTime / *one, *shellTime / *two, *one / *two);
    return verdict.exitStatus();
}
