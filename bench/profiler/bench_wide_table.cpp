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
// Fails loudly through bench/common's verdict (a "FAILED" line, exit 1, no figure over a
// missing round) when a contender fails or times out, or when a count differs: the
// profiler's exact distinct and non-null counts must equal sqlite3's.
// Prints the targets of issue 15 and whether this run met them; it does not fail on them.
// `--distinct approximate` (the default) adds the HyperLogLog run, its error measured
// against the exact counts; `--distinct exact` leaves it out.
// Run it through bench_wide_table.sh, which installs sqlite3 and python3-pandas.

#include "BenchSupport.h"
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
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

const QUuid kTenant = QUuid::fromString(u"{6b1f3c52-15a0-4c9e-9d1e-0b2d7f5e4a15}"_s);
const QString kRequester = u"ada.lovelace"_s;
const QString kApprover = u"ben.okri"_s;

// Setting up failed (the table, the metadata, the child's profile): nothing can be
// measured after it, so the verdict ends the program.
[[noreturn]] void giveUp(bench::Verdict &verdict, const QString &what)
{
    std::fflush(stdout);
    verdict.fail(what);
    std::exit(verdict.exitStatus());
}

// ---- the profile, in a process of its own ----------------------------------------------

int profileChild(const QString &metadataPath, bool approximate)
{
    bench::Verdict verdict(u"bench_wide_table --profile-child"_s);
    auto database = Database::open(DatabaseUrl::sqlite(metadataPath));
    if (!database)
        giveUp(verdict, database.error().text());
    auto due = profiler::ProfileRepository(*database.value()).dueKeys(kTenant, QDateTime::currentDateTimeUtc());
    if (!due || due.value().isEmpty())
        giveUp(verdict, u"no due fields in %1"_s.arg(metadataPath));
    profiler::ProfileRequest request;
    request.tenantId = kTenant;
    request.canonicalKeys = due.value();
    request.trigger = profiler::Trigger::Schedule;
    request.options.timeLimitMs = qint64(60) * 60 * 1000;
    if (approximate)
        request.options.distinctMemoryBytes = 0;
    auto outcome = profiler::ProfileExecution(*database.value()).execute(request);
    if (!outcome)
        giveUp(verdict, outcome.error().text());
    for (const profiler::ProfileRun &run : outcome.value().runs) {
        if (run.status != profiler::RunStatus::Completed)
            verdict.fail(u"%1: %2"_s.arg(run.canonicalKey, run.error));
        const auto &metrics = run.metrics;
        std::printf("%s %lld %lld %lld %d %lld %d\n",
                    qPrintable(run.details.value(u"binding"_s).toObject().value(u"column"_s).toString()),
                    static_cast<long long>(run.rowCount), static_cast<long long>(metrics.nonNull),
                    static_cast<long long>(metrics.distinct), metrics.distinctExact ? 1 : 0,
                    static_cast<long long>(run.durationMs), run.details.value(u"scanParts"_s).toInt());
    }
    return verdict.exitStatus();
}

// ---- the metadata database, like the demo's: everything through approvals -----------

void check(bench::Verdict &verdict, const Status &status, const QString &what)
{
    if (status)
        giveUp(verdict, what + u": "_s + status->text());
}

// Submitted as `steward-cli submit` reads a change request, and approved by another user.
void approve(bench::Verdict &verdict, ApprovalService &service, const QString &entityType, const QString &key,
             const QString &tier, const QJsonObject &payload)
{
    const QJsonObject json{{u"entityType"_s, entityType},
                           {u"entityKey"_s, key},
                           {u"tier"_s, tier},
                           {u"lane"_s, tier == u"tier1"_s ? u"kernel"_s : u"governed"_s},
                           {u"payload"_s, payload}};
    auto request = ChangeRequest::fromJsonText(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (!request)
        giveUp(verdict, u"request %1: %2"_s.arg(key, request.error().text()));
    auto submitted = service.submit(Actor{kTenant, kRequester}, request.value());
    if (!submitted)
        giveUp(verdict, u"submit %1: %2"_s.arg(key, submitted.error().text()));
    auto approved = service.approve(Actor{kTenant, kApprover}, submitted.value().id, u"Onboarding the wide table"_s);
    if (!approved)
        giveUp(verdict, u"approve %1: %2"_s.arg(key, approved.error().text()));
}

void seedMetadata(bench::Verdict &verdict, const QString &path, const QString &warehousePath)
{
    QFile::remove(path);
    auto opened = Database::open(DatabaseUrl::sqlite(path));
    if (!opened)
        giveUp(verdict, opened.error().text());
    Database &database = *opened.value();
    check(verdict, Migrator(database).upgrade(), u"migrate"_s);
    DirectoryRepository directory(database);
    check(verdict, directory.addTenant(Tenant{kTenant, u"Wide Table Co"_s}), u"tenant"_s);
    for (const QString &user : {kRequester, kApprover}) {
        for (Role role : {Role::KernelArchitect, Role::MetadataSteward, Role::DataOwner})
            check(verdict, directory.grant(kTenant, user, role, user), u"grant"_s);
    }
    DataSource source;
    source.tenantId = kTenant;
    source.name = u"warehouse"_s;
    source.driver = DataSource::SqliteDriver;
    source.path = warehousePath;
    source.schemaName = u"finance"_s;
    if (auto saved = DataSourceRepository(database).save(source); !saved)
        giveUp(verdict, saved.error().text());

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
        approve(verdict, service, u"GLOBAL_METADATA"_s, key, column.tier, field);
        if (column.ruleType.isEmpty())
            continue;
        const QString ruleKey = u"rule.wide."_s + column.name;
        approve(verdict, service, u"BUSINESS_RULE"_s, ruleKey, u"tier2"_s,
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

// Runs `program` through bench_child_usage; returns its measure with `output` its stdout,
// or nothing (and a failure on the verdict) when it failed or timed out.
std::optional<Measure> measure(const Settings &settings, bench::Verdict &verdict, const QString &name,
                               const QStringList &program, const QString &input, QString *output)
{
    const QString stdoutPath = settings.work + u"/child.out"_s;
    const QString stderrPath = settings.work + u"/child.err"_s;
    QProcess usage;
    usage.start(QCoreApplication::applicationDirPath() + u"/bench_child_usage"_s,
                QStringList{QString::number(settings.timeoutSeconds), input.isEmpty() ? u"/dev/null"_s : input,
                            stdoutPath, stderrPath, u"--"_s} +
                    program);
    if (!usage.waitForFinished(-1) || usage.exitCode() != 0) {
        verdict.fail(
            u"%1: bench_child_usage failed: %2"_s.arg(name, QString::fromLocal8Bit(usage.readAllStandardError())));
        return std::nullopt;
    }
    const QStringList fields = QString::fromLatin1(usage.readAllStandardOutput()).split(u' ', Qt::SkipEmptyParts);
    QFile err(stderrPath);
    err.open(QIODevice::ReadOnly);
    const QString errors = QString::fromLocal8Bit(err.readAll()).trimmed();
    if (!verdict.require(fields.size() == 5, u"%1: no measure from bench_child_usage"_s.arg(name)))
        return std::nullopt;
    const QString exit = fields.at(4).trimmed();
    if (!verdict.require(exit != u"timeout"_s, u"%1 timed out after %2 s"_s.arg(name).arg(settings.timeoutSeconds)) ||
        !verdict.require(exit == u"0"_s, u"%1 exited with %2: %3"_s.arg(name, exit, errors)))
        return std::nullopt;
    QFile out(stdoutPath);
    out.open(QIODevice::ReadOnly);
    *output = QString::fromLocal8Bit(out.readAll());
    Measure result;
    result.wallMs = fields.at(0).toDouble();
    result.cpuMs = fields.at(1).toDouble() + fields.at(2).toDouble();
    result.peakMiB = fields.at(3).toDouble() / 1024.0;
    return result;
}

std::optional<Measure> runSteward(const Settings &settings, bench::Verdict &verdict, const QString &pristine,
                                  bool approximate)
{
    const QString name = approximate ? u"steward HLL"_s : u"steward exact"_s;
    const QString metadata = settings.work + u"/metadata-run.db"_s;
    QFile::remove(metadata);
    if (!verdict.require(QFile::copy(pristine, metadata), u"%1: cannot copy %2"_s.arg(name, pristine)))
        return std::nullopt;
    QString output;
    auto result = measure(settings, verdict, name,
                          {QCoreApplication::applicationFilePath(), u"--profile-child"_s, metadata,
                           approximate ? u"approximate"_s : u"exact"_s},
                          {}, &output);
    if (!result)
        return std::nullopt;
    const QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList f = line.split(u' ');
        if (!verdict.require(f.size() == 7, u"%1: unexpected line \"%2\""_s.arg(name, line)))
            return std::nullopt;
        result->rows = f.at(1).toLongLong();
        result->columns.insert(f.at(0), Counts{f.at(2).toLongLong(), f.at(3).toLongLong(), f.at(4) == u"1"_s});
        result->note = u"scan %1 ms in %2 parts"_s.arg(f.at(5), f.at(6));
    }
    if (!verdict.require(
            result->columns.size() == widetable::columns().size(),
            u"%1 profiled %2 columns, not %3"_s.arg(name).arg(result->columns.size()).arg(widetable::columns().size())))
        return std::nullopt;
    return result;
}

std::optional<Measure> runSqlite(const Settings &settings, bench::Verdict &verdict, const QString &warehouse,
                                 bool distinct)
{
    const QString name = distinct ? u"sqlite3 +D"_s : u"sqlite3 bare"_s;
    const QString script = settings.work + (distinct ? u"/distinct.sql"_s : u"/bare.sql"_s);
    QFile file(script);
    if (!verdict.require(file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                             file.write(widetable::sqliteScript(distinct).toUtf8()) >= 0,
                         u"%1: cannot write %2"_s.arg(name, script)))
        return std::nullopt;
    file.close();
    QString output;
    auto result =
        measure(settings, verdict, name,
                {settings.sqlite3, u"-batch"_s, u"-readonly"_s, u"-noheader"_s, u"-csv"_s, warehouse}, script, &output);
    if (!result)
        return std::nullopt;
    for (const QString &value : output.trimmed().split(u','))
        result->values.append(value.toLongLong());
    int index = 0;
    result->rows = result->values.value(index++, -1);
    for (const widetable::Column &column : widetable::columns()) {
        Counts counts;
        counts.nonNull = result->values.value(index++, -1);
        if (distinct)
            counts.distinct = result->values.value(index++, -1);
        result->columns.insert(column.name, counts);
        index += int(column.sqliteChecks.size());
    }
    if (!verdict.require(index == result->values.size(), u"%1 printed \"%2\""_s.arg(name, output.trimmed())))
        return std::nullopt;
    return result;
}

std::optional<Measure> runPandas(const Settings &settings, bench::Verdict &verdict, const QString &warehouse)
{
    QString output;
    auto result = measure(settings, verdict, u"pandas"_s,
                          {settings.python, QStringLiteral(BENCH_SOURCE_DIR "/bench_wide_table_pandas.py"), warehouse},
                          {}, &output);
    if (!result)
        return std::nullopt;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.split(u' ');
        if (f.size() == 2 && f.at(0) == u"rows"_s)
            result->rows = f.at(1).toLongLong();
        else if (f.size() >= 3)
            result->columns.insert(f.at(0), Counts{f.at(1).toLongLong(), f.at(2).toLongLong(), true});
    }
    if (!verdict.require(result->columns.size() == widetable::columns().size(),
                         u"pandas printed \"%1\""_s.arg(output.trimmed())))
        return std::nullopt;
    return result;
}

// ---- what a run shows --------------------------------------------------------------------

enum Contender { StewardExact, StewardHll, SqliteDistinct, SqliteBare, Pandas, ContenderCount };

const char *contenderName(int contender)
{
    static const char *const names[] = {
        "steward exact (ProfileExecution, whole process)", "steward HyperLogLog forced (distinct budget 0)",
        "sqlite3 shell with COUNT(DISTINCT)", "sqlite3 shell without distinct", "pandas read_sql + isna/nunique/masks"};
    return names[contender];
}

// The counts every contender must agree on: rows and non-null per column, and the exact
// distinct counts. Each difference is a failure on the verdict; returns whether all agree.
bool compareCounts(bench::Verdict &verdict, const Measure &reference, const Measure &other, const char *name,
                   bool distinct)
{
    bool agree = verdict.require(
        other.rows == reference.rows,
        u"%1 counted %2 rows, sqlite3 %3"_s.arg(QLatin1String(name)).arg(other.rows).arg(reference.rows));
    for (const widetable::Column &column : widetable::columns()) {
        const Counts mine = other.columns.value(column.name);
        const Counts theirs = reference.columns.value(column.name);
        agree &= verdict.require(mine.nonNull == theirs.nonNull,
                                 u"%1: %2 non-null values of %3, sqlite3 counts %4"_s.arg(QLatin1String(name))
                                     .arg(mine.nonNull)
                                     .arg(column.name)
                                     .arg(theirs.nonNull));
        if (distinct)
            agree &= verdict.require(
                mine.exact && mine.distinct == theirs.distinct,
                u"%1: %2 distinct values of %3 (%4), sqlite3 COUNT(DISTINCT) says %5"_s.arg(QLatin1String(name))
                    .arg(mine.distinct)
                    .arg(column.name, mine.exact ? u"exact"_s : u"estimated"_s)
                    .arg(theirs.distinct));
    }
    return agree;
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
        printTarget("steward HyperLogLog wall / sqlite3 without distinct wall",
                    m[StewardHll].wallMs / m[SqliteBare].wallMs, "<= 1.25x",
                    m[StewardHll].wallMs / m[SqliteBare].wallMs <= 1.25);
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

// One round: every contender once, in the same order every round, their counts checked.
// Empty when a contender failed or disagreed (the verdict says which).
std::optional<std::array<Measure, ContenderCount>> runRound(const Settings &settings, bench::Verdict &verdict,
                                                            const QString &warehouse, const QString &pristine,
                                                            bool withPandas, bool approximate)
{
    std::array<std::optional<Measure>, ContenderCount> m;
    m[SqliteBare] = runSqlite(settings, verdict, warehouse, false);
    m[StewardExact] = runSteward(settings, verdict, pristine, false);
    m[SqliteDistinct] = runSqlite(settings, verdict, warehouse, true);
    if (approximate)
        m[StewardHll] = runSteward(settings, verdict, pristine, true);
    if (withPandas)
        m[Pandas] = runPandas(settings, verdict, warehouse);
    for (int c = 0; c < ContenderCount; ++c) {
        const bool wanted = (c != StewardHll || approximate) && (c != Pandas || withPandas);
        if (wanted && !m[c])
            return std::nullopt;
    }
    bool agree = compareCounts(verdict, *m[SqliteDistinct], *m[StewardExact], "steward exact", true);
    agree &= compareCounts(verdict, *m[SqliteDistinct], *m[SqliteBare], "sqlite3 bare", false);
    if (withPandas)
        agree &= compareCounts(verdict, *m[SqliteDistinct], *m[Pandas], "pandas", true);
    if (approximate)
        agree &= compareCounts(verdict, *m[SqliteDistinct], *m[StewardHll], "steward HLL", false);
    if (!agree)
        return std::nullopt;
    std::array<Measure, ContenderCount> measured;
    for (int c = 0; c < ContenderCount; ++c)
        measured[c] = m[c].value_or(Measure{});
    return measured;
}

void benchmark(const Settings &settings, bench::Verdict &verdict, qint64 rows, int rounds, bool withPandas,
               bool approximate)
{
    const QString warehouse = settings.work + u"/wide_lines_%1_v1.db"_s.arg(rows);
    if (!QFileInfo::exists(warehouse)) {
        std::printf("generating %s (%lld rows)...\n", qPrintable(warehouse), static_cast<long long>(rows));
        std::fflush(stdout);
        const QString partial = warehouse + u".partial"_s;
        QFile::remove(partial);
        if (const QString error = widetable::generate(partial, rows); !error.isEmpty())
            giveUp(verdict, error);
        QFile::rename(partial, warehouse);
    }
    const QString pristine = settings.work + u"/metadata-%1.db"_s.arg(rows);
    seedMetadata(verdict, pristine, warehouse);

    std::printf("\n== %s: %lld rows, %.0f MiB, 6 bound columns (3 rules); %d round(s) ==\n",
                qPrintable(widetable::kTable), static_cast<long long>(rows),
                double(QFileInfo(warehouse).size()) / 1048576.0, rounds);
    QList<double> wall[ContenderCount], cpu[ContenderCount], peak[ContenderCount];
    std::optional<std::array<Measure, ContenderCount>> last;
    for (int round = 1; round <= rounds; ++round) {
        warmPageCache(warehouse);
        const auto m = runRound(settings, verdict, warehouse, pristine, withPandas, approximate);
        if (!m) {
            std::printf("\nround %d of %d FAILED (see the verdict's line above); no figures from it\n", round, rounds);
            continue;
        }
        std::printf("\nround %d of %d (same process order every round)\n", round, rounds);
        std::printf("  %-50s %9s %9s %10s\n", "contender", "wall s", "CPU s", "peak MiB");
        for (int c = 0; c < ContenderCount; ++c) {
            const Measure &measured = (*m)[c];
            if (measured.wallMs <= 0)
                continue;
            std::printf("  %-50s %9.2f %9.2f %10.1f  %s\n", contenderName(c), measured.wallMs / 1000,
                        measured.cpuMs / 1000, measured.peakMiB, qPrintable(measured.note));
            wall[c].append(measured.wallMs);
            cpu[c].append(measured.cpuMs);
            peak[c].append(measured.peakMiB);
        }
        printRatios(m->data(), approximate);
        last = m;
    }
    if (!verdict.require(last.has_value(), u"%1 rows: no round completed, so there is no figure"_s.arg(rows)))
        return;

    std::printf("\nexact distinct counts (steward = sqlite3 COUNT(DISTINCT), checked every round)%s\n",
                approximate ? "; HyperLogLog error against them" : "");
    double worst = 0;
    for (const widetable::Column &column : widetable::columns()) {
        const Counts exactCounts = (*last)[SqliteDistinct].columns.value(column.name);
        std::printf("  %-14s %10lld distinct of %10lld non-null", qPrintable(column.name),
                    static_cast<long long>(exactCounts.distinct), static_cast<long long>(exactCounts.nonNull));
        if (approximate) {
            const Counts estimate = (*last)[StewardHll].columns.value(column.name);
            const double error = exactCounts.distinct > 0 ? 100.0 * double(estimate.distinct - exactCounts.distinct) /
                                                                double(exactCounts.distinct)
                                                          : 0.0;
            worst = std::max(worst, std::fabs(error));
            std::printf("   HLL %10lld (%+.3f%%)%s", static_cast<long long>(estimate.distinct), error,
                        estimate.exact ? "  NOT estimated" : "");
        }
        std::printf("\n");
    }
    if (approximate)
        std::printf("  worst HyperLogLog error %.3f%% (target under 2%%): %s\n", worst, worst < 2.0 ? "met" : "MISSED");

    if (rounds > 1) {
        std::printf("\nmedian of %lld completed round(s) of %d\n", static_cast<long long>(wall[StewardExact].size()),
                    rounds);
        Measure m[ContenderCount];
        for (int c = 0; c < ContenderCount; ++c) {
            const bool wanted = (c != StewardHll || approximate) && (c != Pandas || withPandas);
            if (!wanted)
                continue;
            const QString what = QString::fromUtf8(contenderName(c));
            const auto wallMs = verdict.median(wall[c], what + u" wall"_s);
            const auto cpuMs = verdict.median(cpu[c], what + u" CPU"_s);
            const auto peakMiB = verdict.median(peak[c], what + u" peak memory"_s);
            if (!wallMs || !cpuMs || !peakMiB)
                return;
            m[c].wallMs = *wallMs;
            m[c].cpuMs = *cpuMs;
            m[c].peakMiB = *peakMiB;
            std::printf("  %-50s %9.2f %9.2f %10.1f\n", contenderName(c), m[c].wallMs / 1000, m[c].cpuMs / 1000,
                        m[c].peakMiB);
        }
        printRatios(m, approximate);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--profile-child") == 0)
        return profileChild(QString::fromLocal8Bit(argv[2]), qstrcmp(argv[3], "approximate") == 0);

    QCoreApplication app(argc, argv);
    bench::Verdict verdict(u"bench_wide_table"_s);
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
        if (arg == u"--rows"_s && next.toLongLong() > 0)
            rowCounts.append(next.toLongLong()), ++i;
        else if (arg == u"--rounds"_s && next.toInt() > 0)
            rounds = next.toInt(), ++i;
        else if (arg == u"--distinct"_s && (next == u"exact"_s || next == u"approximate"_s))
            approximate = next == u"approximate"_s, ++i;
        else if (arg == u"--work"_s && !next.isEmpty())
            settings.work = next, ++i;
        else if (arg == u"--sqlite3"_s && !next.isEmpty())
            settings.sqlite3 = next, ++i;
        else if (arg == u"--python"_s && !next.isEmpty())
            settings.python = next, ++i;
        else if (arg == u"--timeout"_s && next.toInt() > 0)
            settings.timeoutSeconds = next.toInt(), ++i;
        else if (arg == u"--no-pandas"_s)
            withPandas = false;
        else
            giveUp(verdict,
                   u"usage: bench_wide_table [--rows N]... [--rounds R] [--distinct exact|approximate] "
                   u"[--work DIR] [--sqlite3 PATH] [--python PATH] [--timeout S] [--no-pandas]; not \"%1\""_s.arg(arg));
    }
    if (rowCounts.isEmpty())
        rowCounts = {1'000'000, 5'000'000};
    if (!QDir().mkpath(settings.work))
        giveUp(verdict, u"cannot create %1"_s.arg(settings.work));
    std::printf("bench_wide_table: work folder %s; absolute figures depend on the machine, ratios are what to read\n",
                qPrintable(settings.work));
    for (const qint64 rows : std::as_const(rowCounts))
        benchmark(settings, verdict, rows, rounds, withPandas, approximate);
    std::fflush(stdout);
    return verdict.exitStatus();
}
