// The profiler on a wide, high-cardinality table (issue 15), side by side with what a
// data engineer would run instead, each as a process of its own measured by wait4():
//
//   steward exact   this program in child mode: the fields due in a metadata database
//                   (bound to the table and their rules approved through ApprovalService)
//                   profiled by ProfileExecution, as `steward-cli profile --due` does
//   steward HLL     the same with a distinct budget of 0 bytes: HyperLogLog throughout
//   sqlite3 +D      the sqlite3 shell, one hand-written aggregate query with COUNT(DISTINCT)
//                   per column and a SUM per check (PRAGMA temp_store=MEMORY)
//   sqlite3 bare    the same query without the distinct counts
//   pandas          read_sql of the whole table, isna / nunique / rule masks
//
// Exits non-zero, with a line saying why, when a contender fails or times out, or when
// a count differs: the profiler's exact distinct and non-null counts must equal sqlite3's.
// Prints the targets of issue 15 and whether this run met them; it does not fail on them.
// `--distinct approximate` (the default) adds the HyperLogLog run, its error measured
// against the exact counts; `--distinct exact` leaves it out.
// Run it through bench_wide_table.sh, which installs sqlite3 and python3-pandas.

#include "WideTable.h"

#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "model/ChangeRequest.h"
#include "model/User.h"
#include "profiler/ProfileExecution.h"
#include "profiler/ProfileRepository.h"
#include "store/DataSourceRepository.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/Migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

const QUuid kTenant = QUuid::fromString(u"{6b1f3c52-15a0-4c9e-9d1e-0b2d7f5e4a15}"_s);
const QString kRequester = u"ada.lovelace"_s;
const QString kApprover = u"ben.okri"_s;

[[noreturn]] void fail(const QString &message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_wide_table: FAILED: %s\n", qPrintable(message));
    std::exit(1);
}

// ---- the profile, in a process of its own ----------------------------------------------

int profileChild(const QString &metadataPath, bool approximate)
{
    auto database = Database::open(DatabaseUrl::sqlite(metadataPath));
    if (!database)
        fail(database.error().text());
    auto due = profiler::ProfileRepository(*database.value()).dueKeys(kTenant, QDateTime::currentDateTimeUtc());
    if (!due || due.value().isEmpty())
        fail(u"no due fields in %1"_s.arg(metadataPath));
    profiler::ProfileRequest request;
    request.tenantId = kTenant;
    request.canonicalKeys = due.value();
    request.trigger = profiler::Trigger::Schedule;
    request.options.timeLimitMs = qint64(60) * 60 * 1000;
    if (approximate)
        request.options.distinctMemoryBytes = 0;
    auto outcome = profiler::ProfileExecution(*database.value()).execute(request);
    if (!outcome)
        fail(outcome.error().text());
    for (const profiler::ProfileRun &run : outcome.value().runs) {
        if (run.status != profiler::RunStatus::Completed)
            fail(u"%1: %2"_s.arg(run.canonicalKey, run.error));
        const auto &metrics = run.metrics;
        std::printf("%s %lld %lld %lld %d %lld %d\n",
                    qPrintable(run.details.value(u"binding"_s).toObject().value(u"column"_s).toString()),
                    static_cast<long long>(run.rowCount), static_cast<long long>(metrics.nonNull),
                    static_cast<long long>(metrics.distinct), metrics.distinctExact ? 1 : 0,
                    static_cast<long long>(run.durationMs), run.details.value(u"scanParts"_s).toInt());
    }
    return 0;
}

// ---- the metadata database, like the demo's: everything through approvals -----------

void check(const Status &status, const QString &what)
{
    if (status)
        fail(what + u": "_s + status->text());
}

// Submitted as `steward-cli submit` reads a change request, and approved by another user.
void approve(ApprovalService &service, const QString &entityType, const QString &key, const QString &tier,
             const QJsonObject &payload)
{
    const QJsonObject json{{u"entityType"_s, entityType},
                           {u"entityKey"_s, key},
                           {u"tier"_s, tier},
                           {u"lane"_s, tier == u"tier1"_s ? u"kernel"_s : u"governed"_s},
                           {u"payload"_s, payload}};
    auto request = ChangeRequest::fromJsonText(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!request)
        fail(u"request %1: %2"_s.arg(key, request.error().text()));
    auto submitted = service.submit(Actor{kTenant, kRequester}, request.value());
    if (!submitted)
        fail(u"submit %1: %2"_s.arg(key, submitted.error().text()));
    auto approved = service.approve(Actor{kTenant, kApprover}, submitted.value().id, u"Onboarding the wide table"_s);
    if (!approved)
        fail(u"approve %1: %2"_s.arg(key, approved.error().text()));
}

void seedMetadata(const QString &path, const QString &warehousePath)
{
    QFile::remove(path);
    auto opened = Database::open(DatabaseUrl::sqlite(path));
    if (!opened)
        fail(opened.error().text());
    Database &database = *opened.value();
    check(Migrator(database).upgrade(), u"migrate"_s);
    DirectoryRepository directory(database);
    check(directory.addTenant(Tenant{kTenant, u"Wide Table Co"_s}), u"tenant"_s);
    for (const QString &user : {kRequester, kApprover}) {
        for (Role role : {Role::KernelArchitect, Role::MetadataSteward, Role::DataOwner})
            check(directory.grant(kTenant, user, role, user), u"grant"_s);
    }
    DataSource source;
    source.tenantId = kTenant;
    source.name = u"warehouse"_s;
    source.driver = DataSource::SqliteDriver;
    source.path = warehousePath;
    source.schemaName = u"finance"_s;
    if (auto saved = DataSourceRepository(database).save(source); !saved)
        fail(saved.error().text());

    EventBus bus;
    ApprovalService service(database, bus);
    for (const widetable::Column &column : widetable::columns()) {
        const QString key = u"wide.line."_s + column.name;
        QJsonObject field{
            {u"canonicalKey"_s, key},
            {u"label"_s, column.name},
            {u"domain"_s, u"Finance"_s},
            {u"entityUrn"_s, u"urn:steward:warehouse:finance.%1.%2"_s.arg(widetable::kTable, column.name)},
            {u"tier"_s, column.tier},
            {u"dataType"_s, column.dataType},
            {u"status"_s, u"active"_s},
            {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s},
                                       {u"schema"_s, u"finance"_s},
                                       {u"table"_s, widetable::kTable},
                                       {u"column"_s, column.name}}},
        };
        if (!column.format.isEmpty())
            field.insert(u"format"_s, column.format);
        approve(service, u"GLOBAL_METADATA"_s, key, column.tier, field);
        if (column.ruleType.isEmpty())
            continue;
        const QString ruleKey = u"rule.wide."_s + column.name;
        approve(service, u"BUSINESS_RULE"_s, ruleKey, u"tier2"_s,
                {{u"canonicalKey"_s, ruleKey},
                 {u"label"_s, u"Wide table rule on "_s + column.name},
                 {u"appliesTo"_s, key},
                 {u"ruleType"_s, column.ruleType},
                 {u"definition"_s, QJsonDocument::fromJson(column.ruleDefinition.toUtf8()).object()},
                 {u"severity"_s, u"error"_s},
                 {u"status"_s, u"active"_s}});
    }
}

// ---- running and measuring the contenders ----------------------------------------------

struct Counts
{
    qint64 nonNull = -1;
    qint64 distinct = -1;
    bool exact = true;
};

struct Measure
{
    double wallMs = 0;
    double cpuMs = 0;
    double peakMiB = 0;
    qint64 rows = -1;
    QMap<QString, Counts> columns;
    QList<qint64> values; // sqlite3: the query's one row; pandas: the check passes in order
    QString note;
};

struct Settings
{
    QString work;
    QString sqlite3 = u"sqlite3"_s;
    QString python = u"/usr/bin/python3"_s;
    int timeoutSeconds = 1800;
};

// Runs `program` through bench_child_usage; returns its measure with `output` its stdout.
Measure measure(const Settings &settings, const QString &name, const QStringList &program, const QString &input,
                QString *output)
{
    const QString stdoutPath = settings.work + u"/child.out"_s;
    const QString stderrPath = settings.work + u"/child.err"_s;
    QProcess usage;
    usage.start(QCoreApplication::applicationDirPath() + u"/bench_child_usage"_s,
                QStringList{QString::number(settings.timeoutSeconds), input.isEmpty() ? u"/dev/null"_s : input,
                            stdoutPath, stderrPath, u"--"_s}
                    + program);
    if (!usage.waitForFinished(-1) || usage.exitCode() != 0)
        fail(u"%1: bench_child_usage failed: %2"_s.arg(name, QString::fromLocal8Bit(usage.readAllStandardError())));
    const QStringList fields = QString::fromLatin1(usage.readAllStandardOutput()).split(u' ', Qt::SkipEmptyParts);
    QFile err(stderrPath);
    err.open(QIODevice::ReadOnly);
    const QString errors = QString::fromLocal8Bit(err.readAll()).trimmed();
    if (fields.size() != 5)
        fail(u"%1: no measure from bench_child_usage"_s.arg(name));
    if (fields.at(4).trimmed() == u"timeout"_s)
        fail(u"%1 timed out after %2 s"_s.arg(name).arg(settings.timeoutSeconds));
    if (fields.at(4).trimmed() != u"0"_s)
        fail(u"%1 exited with %2: %3"_s.arg(name, fields.at(4).trimmed(), errors));
    QFile out(stdoutPath);
    out.open(QIODevice::ReadOnly);
    *output = QString::fromLocal8Bit(out.readAll());
    Measure result;
    result.wallMs = fields.at(0).toDouble();
    result.cpuMs = fields.at(1).toDouble() + fields.at(2).toDouble();
    result.peakMiB = fields.at(3).toDouble() / 1024.0;
    return result;
}

Measure runSteward(const Settings &settings, const QString &pristine, bool approximate)
{
    const QString metadata = settings.work + u"/metadata-run.db"_s;
    QFile::remove(metadata);
    if (!QFile::copy(pristine, metadata))
        fail(u"cannot copy %1"_s.arg(pristine));
    QString output;
    Measure result = measure(settings, approximate ? u"steward HLL"_s : u"steward exact"_s,
                             {QCoreApplication::applicationFilePath(), u"--profile-child"_s, metadata,
                              approximate ? u"approximate"_s : u"exact"_s},
                             {}, &output);
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList f = line.split(u' ');
        if (f.size() != 7)
            fail(u"steward: unexpected line \"%1\""_s.arg(line));
        result.rows = f.at(1).toLongLong();
        result.columns.insert(f.at(0), Counts{f.at(2).toLongLong(), f.at(3).toLongLong(), f.at(4) == u"1"_s});
        result.note = u"scan %1 ms in %2 parts"_s.arg(f.at(5), f.at(6));
    }
    if (result.columns.size() != widetable::columns().size())
        fail(u"steward profiled %1 columns, not %2"_s.arg(result.columns.size()).arg(widetable::columns().size()));
    return result;
}

Measure runSqlite(const Settings &settings, const QString &warehouse, bool distinct)
{
    const QString script = settings.work + (distinct ? u"/distinct.sql"_s : u"/bare.sql"_s);
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(widetable::sqliteScript(distinct).toUtf8()) < 0)
        fail(u"cannot write %1"_s.arg(script));
    file.close();
    QString output;
    Measure result = measure(settings, distinct ? u"sqlite3 +D"_s : u"sqlite3 bare"_s,
                             {settings.sqlite3, u"-batch"_s, u"-readonly"_s, u"-noheader"_s, u"-csv"_s, warehouse},
                             script, &output);
    for (const QString &value : output.trimmed().split(u','))
        result.values.append(value.toLongLong());
    int index = 0;
    result.rows = result.values.value(index++, -1);
    for (const widetable::Column &column : widetable::columns()) {
        Counts counts;
        counts.nonNull = result.values.value(index++, -1);
        if (distinct)
            counts.distinct = result.values.value(index++, -1);
        result.columns.insert(column.name, counts);
        index += int(column.sqliteChecks.size());
    }
    if (index != result.values.size())
        fail(u"sqlite3 printed \"%1\""_s.arg(output.trimmed()));
    return result;
}

Measure runPandas(const Settings &settings, const QString &warehouse)
{
    QString output;
    Measure result = measure(settings, u"pandas"_s,
                             {settings.python, QStringLiteral(BENCH_SOURCE_DIR "/bench_wide_table_pandas.py"), warehouse},
                             {}, &output);
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u' ');
        if (f.size() == 2 && f.at(0) == u"rows"_s)
            result.rows = f.at(1).toLongLong();
        else if (f.size() >= 3)
            result.columns.insert(f.at(0), Counts{f.at(1).toLongLong(), f.at(2).toLongLong(), true});
    }
    if (result.columns.size() != widetable::columns().size())
        fail(u"pandas printed \"%1\""_s.arg(output.trimmed()));
    return result;
}

// ---- what a run shows --------------------------------------------------------------------

enum Contender { StewardExact, StewardHll, SqliteDistinct, SqliteBare, Pandas, ContenderCount };

const char *contenderName(int contender)
{
    static const char *const names[] = {"steward exact (ProfileExecution, whole process)",
                                        "steward HyperLogLog forced (distinct budget 0)",
                                        "sqlite3 shell with COUNT(DISTINCT)", "sqlite3 shell without distinct",
                                        "pandas read_sql + isna/nunique/masks"};
    return names[contender];
}

// The counts every contender must agree on: rows and non-null per column, and the exact
// distinct counts.
void compareCounts(const Measure &reference, const Measure &other, const char *name, bool distinct)
{
    if (other.rows != reference.rows)
        fail(u"%1 counted %2 rows, sqlite3 %3"_s.arg(QLatin1String(name)).arg(other.rows).arg(reference.rows));
    for (const widetable::Column &column : widetable::columns()) {
        const Counts mine = other.columns.value(column.name);
        const Counts theirs = reference.columns.value(column.name);
        if (mine.nonNull != theirs.nonNull)
            fail(u"%1: %2 non-null values of %3, sqlite3 counts %4"_s.arg(QLatin1String(name))
                     .arg(mine.nonNull).arg(column.name).arg(theirs.nonNull));
        if (distinct && (!mine.exact || mine.distinct != theirs.distinct))
            fail(u"%1: %2 distinct values of %3 (%4), sqlite3 COUNT(DISTINCT) says %5"_s.arg(QLatin1String(name))
                     .arg(mine.distinct).arg(column.name, mine.exact ? u"exact"_s : u"estimated"_s)
                     .arg(theirs.distinct));
    }
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

void printTarget(const char *what, double ratio, const char *target, bool met)
{
    std::printf("  %-58s %6.2fx  (target %s)  %s\n", what, ratio, target, met ? "met" : "MISSED");
}

void printRatios(const Measure *m, bool approximate)
{
    const Measure &ours = m[StewardExact];
    printTarget("sqlite3 with COUNT(DISTINCT) wall / steward exact wall", m[SqliteDistinct].wallMs / ours.wallMs,
                ">= 5x", m[SqliteDistinct].wallMs / ours.wallMs >= 5.0);
    printTarget("steward exact wall / sqlite3 without distinct wall", ours.wallMs / m[SqliteBare].wallMs, "<= 1.5x",
                ours.wallMs / m[SqliteBare].wallMs <= 1.5);
    if (m[Pandas].wallMs > 0) {
        printTarget("pandas wall / steward exact wall", m[Pandas].wallMs / ours.wallMs, ">= 4x",
                    m[Pandas].wallMs / ours.wallMs >= 4.0);
        printTarget("pandas peak memory / steward exact peak memory", m[Pandas].peakMiB / ours.peakMiB, "> 10x",
                    m[Pandas].peakMiB / ours.peakMiB > 10.0);
    }
    if (approximate)
        printTarget("steward HyperLogLog wall / sqlite3 without distinct wall", m[StewardHll].wallMs / m[SqliteBare].wallMs,
                    "<= 1.25x", m[StewardHll].wallMs / m[SqliteBare].wallMs <= 1.25);
    std::printf("  (CPU: sqlite3 +D / steward exact %.2fx, steward exact / sqlite3 bare %.2fx)\n",
                m[SqliteDistinct].cpuMs / ours.cpuMs, ours.cpuMs / m[SqliteBare].cpuMs);
}

void warmPageCache(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    while (!file.read(8 << 20).isEmpty()) {
    }
}

int benchmark(const Settings &settings, qint64 rows, int rounds, bool withPandas, bool approximate)
{
    const QString warehouse = settings.work + u"/wide_lines_%1_v1.db"_s.arg(rows);
    if (!QFileInfo::exists(warehouse)) {
        std::printf("generating %s (%lld rows)...\n", qPrintable(warehouse), static_cast<long long>(rows));
        std::fflush(stdout);
        const QString partial = warehouse + u".partial"_s;
        QFile::remove(partial);
        if (const QString error = widetable::generate(partial, rows); !error.isEmpty())
            fail(error);
        QFile::rename(partial, warehouse);
    }
    const QString pristine = settings.work + u"/metadata-%1.db"_s.arg(rows);
    seedMetadata(pristine, warehouse);

    std::printf("\n== %s: %lld rows, %.0f MiB, 6 bound columns (3 rules); %d round(s) ==\n", qPrintable(widetable::kTable),
                static_cast<long long>(rows), double(QFileInfo(warehouse).size()) / 1048576.0, rounds);
    QList<double> wall[ContenderCount], cpu[ContenderCount], peak[ContenderCount];
    Measure last[ContenderCount];
    for (int round = 1; round <= rounds; ++round) {
        warmPageCache(warehouse);
        Measure m[ContenderCount];
        m[SqliteBare] = runSqlite(settings, warehouse, false);
        m[StewardExact] = runSteward(settings, pristine, false);
        m[SqliteDistinct] = runSqlite(settings, warehouse, true);
        if (approximate)
            m[StewardHll] = runSteward(settings, pristine, true);
        if (withPandas)
            m[Pandas] = runPandas(settings, warehouse);

        compareCounts(m[SqliteDistinct], m[StewardExact], "steward exact", true);
        compareCounts(m[SqliteDistinct], m[SqliteBare], "sqlite3 bare", false);
        if (withPandas)
            compareCounts(m[SqliteDistinct], m[Pandas], "pandas", true);
        if (approximate)
            compareCounts(m[SqliteDistinct], m[StewardHll], "steward HLL", false);

        std::printf("\nround %d of %d (same process order every round)\n", round, rounds);
        std::printf("  %-50s %9s %9s %10s\n", "contender", "wall s", "CPU s", "peak MiB");
        for (int c = 0; c < ContenderCount; ++c) {
            if (m[c].wallMs <= 0)
                continue;
            std::printf("  %-50s %9.2f %9.2f %10.1f  %s\n", contenderName(c), m[c].wallMs / 1000, m[c].cpuMs / 1000,
                        m[c].peakMiB, qPrintable(m[c].note));
            wall[c].append(m[c].wallMs);
            cpu[c].append(m[c].cpuMs);
            peak[c].append(m[c].peakMiB);
        }
        printRatios(m, approximate);
        for (int c = 0; c < ContenderCount; ++c)
            last[c] = m[c];
    }

    std::printf("\nexact distinct counts (steward = sqlite3 COUNT(DISTINCT), checked every round)%s\n",
                approximate ? "; HyperLogLog error against them" : "");
    double worst = 0;
    for (const widetable::Column &column : widetable::columns()) {
        const qint64 exact = last[SqliteDistinct].columns.value(column.name).distinct;
        std::printf("  %-14s %10lld distinct of %10lld non-null", qPrintable(column.name), static_cast<long long>(exact),
                    static_cast<long long>(last[SqliteDistinct].columns.value(column.name).nonNull));
        if (approximate) {
            const Counts estimate = last[StewardHll].columns.value(column.name);
            const double error = exact > 0 ? 100.0 * double(estimate.distinct - exact) / double(exact) : 0.0;
            worst = std::max(worst, std::fabs(error));
            std::printf("   HLL %10lld (%+.3f%%)%s", static_cast<long long>(estimate.distinct), error,
                        estimate.exact ? "  NOT estimated" : "");
        }
        std::printf("\n");
    }
    if (approximate)
        std::printf("  worst HyperLogLog error %.3f%% (target under 2%%): %s\n", worst, worst < 2.0 ? "met" : "MISSED");

    if (rounds > 1) {
        std::printf("\nmedian of %d rounds\n", rounds);
        Measure m[ContenderCount];
        for (int c = 0; c < ContenderCount; ++c) {
            if (wall[c].isEmpty())
                continue;
            m[c].wallMs = median(wall[c]);
            m[c].cpuMs = median(cpu[c]);
            m[c].peakMiB = median(peak[c]);
            std::printf("  %-50s %9.2f %9.2f %10.1f\n", contenderName(c), m[c].wallMs / 1000, m[c].cpuMs / 1000,
                        m[c].peakMiB);
        }
        printRatios(m, approximate);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--profile-child") == 0)
        return profileChild(QString::fromLocal8Bit(argv[2]), qstrcmp(argv[3], "approximate") == 0);

    QCoreApplication app(argc, argv);
    Settings settings;
    settings.work = QDir::tempPath() + u"/steward-bench-wide-table"_s;
    QList<qint64> rowCounts;
    int rounds = 3;
    bool withPandas = true;
    bool approximate = true;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const QString next = args.value(i + 1);
        if (arg == u"--rows"_s && !next.isEmpty())
            rowCounts.append(next.toLongLong()), ++i;
        else if (arg == u"--rounds"_s && !next.isEmpty())
            rounds = std::max(1, next.toInt()), ++i;
        else if (arg == u"--distinct"_s && (next == u"exact"_s || next == u"approximate"_s))
            approximate = next == u"approximate"_s, ++i;
        else if (arg == u"--work"_s && !next.isEmpty())
            settings.work = next, ++i;
        else if (arg == u"--sqlite3"_s && !next.isEmpty())
            settings.sqlite3 = next, ++i;
        else if (arg == u"--python"_s && !next.isEmpty())
            settings.python = next, ++i;
        else if (arg == u"--timeout"_s && !next.isEmpty())
            settings.timeoutSeconds = next.toInt(), ++i;
        else if (arg == u"--no-pandas"_s)
            withPandas = false;
        else
            fail(u"usage: bench_wide_table [--rows N]... [--rounds R] [--distinct exact|approximate] "
                 u"[--work DIR] [--sqlite3 PATH] [--python PATH] [--timeout S] [--no-pandas]; not \"%1\""_s.arg(arg));
    }
    if (rowCounts.isEmpty())
        rowCounts = {1'000'000, 5'000'000};
    if (!QDir().mkpath(settings.work))
        fail(u"cannot create %1"_s.arg(settings.work));
    std::printf("bench_wide_table: work folder %s; absolute figures depend on the machine, ratios are what to read\n",
                qPrintable(settings.work));
    for (const qint64 rows : std::as_const(rowCounts))
        benchmark(settings, rows, rounds, withPandas, approximate);
    return 0;
}
