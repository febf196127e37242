// The approvals audit report for 100,000 decisions (issue 6), in each format, each in a
// child process of its own so its peak memory (VmHWM) is its own. Targets: PDF under
// 30 s, CSV under 2 s, every format under 500 MB. The audit trail holds what real
// decisions leave there: the events ApprovalEvents builds for ApprovalService, from the
// request to the decision (five for an approved tier1 field). Prints figures and ratios;
// fails loudly (exit 1) when a child fails or runs longer than 10 minutes.
//
//   bench_report [DECISIONS [RUNS]]           seed a database, then run every format RUNS times (3)
//   bench_report --child FORMAT DB OUT FROM TO   (internal) write one report, print figures
//   bench_report --seed DB DECISIONS             only seed (decisions from 2025-03-01 over 30 days)

#include "BenchSupport.h"
#include "ReportRenderer.h"
#include "approval/ApprovalEvents.h"
#include "json/JsonParser.h"
#include "model/Approval.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/Migrator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <optional>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

const QUuid kTenant(u"6f1c2a90-3b7e-4c55-9d1a-0e5b7c2f4a11"_s);
const QStringList kUsers{u"amara.okafor"_s, u"tom.baker"_s, u"jonas.weber"_s, u"lena.fischer"_s, u"raj.patel"_s};
const QStringList kDomains{u"General Ledger"_s, u"Payables"_s, u"Receivables"_s, u"Treasury"_s, u"Tax"_s};
constexpr int kChildTimeoutMs = 10 * 60 * 1000;

qint64 peakKilobytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QByteArray fieldState(QRandomGenerator &random, int n, int version)
{
    const QString key = u"gl.bench.field_%1"_s.arg(n);
    return QStringLiteral(
               R"({"tenantId":"%1","canonicalKey":"%2","label":"Bench field %3, version %4","description":"Amount of the )"
               R"(line in \"transaction\" currency; debits positive, credits negative — Zürich ledger %5.",)"
               R"("domain":"%6","module":"GL","entityUrn":"urn:steward:warehouse:finance.bench.field_%3","tier":"tier%7",)"
               R"("standardPackId":"IFRS-CORE-2025","dataType":"DECIMAL","format":"18,2","ownerId":"raj.patel",)"
               R"("stewardId":"jonas.weber","status":"active","binding":{"source":"warehouse","schema":"finance",)"
               R"("table":"bench","column":"field_%3"}})")
        .arg(uuidText(kTenant), key)
        .arg(n)
        .arg(version)
        .arg(random.bounded(1000))
        .arg(kDomains.at(n % kDomains.size()))
        .arg(1 + n % 5)
        .toUtf8();
}

int seed(const QString &path, int decisions, const QDate &from, int days)
{
    auto database = Database::open(DatabaseUrl::sqlite(path));
    if (!database || Migrator(*database.value()).upgrade())
        return 1;
    Database &db = *database.value();
    QRandomGenerator random(6);
    if (!db.run(u"BEGIN"_s) || !db.run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, ?, ?)"_s,
                                       {uuidText(kTenant), u"Northwind Finance"_s, u"2024-01-01T00:00:00.000Z"_s}))
        return 1;
    for (const QString &user : kUsers) {
        if (!db.run(u"INSERT INTO mdm_user_role (tenant_id, user_id, role, display_name) VALUES (?, ?, ?, ?)"_s,
                    {uuidText(kTenant), user, u"metadata_steward"_s, user}))
            return 1;
    }
    QSqlQuery approval(db.connection());
    approval.prepare(u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_id, entity_key, tier, lane, "
                     u"payload, current_state, status, decision_reason, requested_by, decided_by, requested_at, "
                     u"decided_at, required_role) VALUES (?, ?, 'GLOBAL_METADATA', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     u"'metadata_steward')"_s);
    EventRepository events(db);
    const QString role = toString(Role::MetadataSteward);
    qint64 eventCount = 0;
    const QDateTime start(from, QTime(0, 0), Qt::UTC);
    const qint64 span = qint64(days) * 86400'000 - 1;
    for (int i = 0; i < decisions; ++i) {
        const QString id = uuidText(QUuid::createUuid());
        const int n = random.bounded(5000);
        const bool create = i % 5 == 0;
        const int roll = random.bounded(100);
        const QString status = roll < 85 ? u"approved"_s : roll < 95 ? u"rejected"_s : u"cancelled"_s;
        const QDateTime decided = start.addMSecs(qint64(double(i) / decisions * span));
        const QDateTime requested = decided.addSecs(-60 - random.bounded(5 * 86400));
        const QString requester = kUsers.at(random.bounded(int(kUsers.size())));
        const QString decider = status == u"cancelled"_s ? requester : kUsers.at((kUsers.indexOf(requester) + 1) % 5);
        QByteArray current = create ? QByteArray() : fieldState(random, n, 1);
        QByteArray payload =
            create ? fieldState(random, n, 1)
                   : QStringLiteral(R"({"label":"Bench field %1, renamed \"%2\"","description":"Neue Beschreibung, )"
                                    R"(mit Komma — %3","tier":"tier%4"})")
                         .arg(n)
                         .arg(i)
                         .arg(random.bounded(100000))
                         .arg(1 + random.bounded(5))
                         .toUtf8();
        approval.addBindValue(id);
        approval.addBindValue(uuidText(kTenant));
        approval.addBindValue(create ? QVariant() : QVariant(uuidText(QUuid::createUuid())));
        approval.addBindValue(u"gl.bench.field_%1"_s.arg(n));
        approval.addBindValue(u"tier%1"_s.arg(1 + n % 5));
        approval.addBindValue(n % 5 == 0 ? u"kernel"_s : u"governed"_s);
        approval.addBindValue(QString::fromUtf8(payload));
        approval.addBindValue(create ? QVariant() : QVariant(QString::fromUtf8(current)));
        approval.addBindValue(status);
        approval.addBindValue(status == u"rejected"_s   ? u"Changes the meaning, without a migration plan."_s
                              : status == u"approved"_s ? u"Checked with finance, \"OK\"."_s
                                                        : QString());
        approval.addBindValue(requester);
        approval.addBindValue(decider);
        approval.addBindValue(toIsoTimestamp(requested));
        approval.addBindValue(toIsoTimestamp(decided));
        if (!approval.exec())
            return 1;

        // The audit trail of this request as ApprovalService writes it: the request, then
        // the decision's events (an approval also records the entity before and after).
        Approval request;
        request.id = QUuid::fromString(id);
        request.tenantId = kTenant;
        request.entityType = EntityType::GlobalMetadata;
        request.entityId = create ? QUuid() : QUuid::createUuid();
        request.entityKey = u"gl.bench.field_%1"_s.arg(n);
        request.tier = tierFromString(u"tier%1"_s.arg(1 + n % 5)).value_or(Tier::Tier3);
        request.lane = n % 5 == 0 ? Lane::Kernel : Lane::Governed;
        request.requiredRole = Role::MetadataSteward;
        request.requestedBy = requester;
        request.payload = json::parse(payload).value();
        if (!create)
            request.currentState = json::parse(current).value();
        QList<Event> trail = ApprovalEvents(request, requester, role, requested).requested();
        const ApprovalEvents decision(request, decider, role, decided);
        if (status == u"approved"_s) {
            std::optional<EntitySnapshot> before;
            if (!create)
                before = EntitySnapshot{request.entityId, request.entityKey, 1, *request.currentState};
            const EntitySnapshot after{create ? QUuid::createUuid() : request.entityId, request.entityKey, 2,
                                       request.requestedState()};
            trail += decision.approved(before, after, std::nullopt);
        } else if (status == u"rejected"_s) {
            trail += decision.rejected(u"Changes the meaning, without a migration plan."_s);
        } else {
            trail += decision.cancelled();
        }
        for (Event &event : trail) {
            if (events.insert(event))
                return 1;
        }
        eventCount += trail.size();
    }
    if (!db.run(u"COMMIT"_s))
        return 1;
    std::printf("%lld events in the audit trail, %.1f per decision, as ApprovalService writes them\n",
                static_cast<long long>(eventCount), double(eventCount) / std::max(1, decisions));
    return 0;
}

// Pages of a PDF as its page objects count them.
qsizetype pdfPages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression page(uR"(/Type\s*/Page(?!s))"_s);
    const QString text = QString::fromLatin1(file.readAll());
    qsizetype pages = 0;
    for (auto match = page.globalMatch(text); match.hasNext(); match.next())
        ++pages;
    return pages;
}

int child(const QStringList &arguments)
{
    const auto format = report::reportFormatFromString(arguments.value(2));
    auto database = Database::open(DatabaseUrl::sqlite(arguments.value(3)));
    if (!format || !database)
        return 1;
    report::ReportRequest request;
    request.kind = report::ReportKind::Approvals;
    request.format = *format;
    request.tenantId = kTenant;
    request.period = report::ReportPeriod{QDate::fromString(arguments.value(5), Qt::ISODate),
                                          QDate::fromString(arguments.value(6), Qt::ISODate)};
    request.generatedBy = u"bench"_s;
    const qint64 before = peakKilobytes();
    QElapsedTimer timer;
    timer.start();
    const Status failed = report::ReportRenderer::renderFile(*database.value(), request, arguments.value(4));
    const qint64 elapsed = timer.elapsed();
    if (failed) {
        std::fprintf(stderr, "%s\n", qPrintable(failed->text()));
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const qint64 cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000LL +
                         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
    std::printf("%lld %lld %lld %lld %lld\n", elapsed, peakKilobytes(), before, QFileInfo(arguments.value(4)).size(),
                cpuMs);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == u"--child"_s)
        return child(arguments);
    if (arguments.value(1) == u"--seed"_s) // keep a database to profile a child on
        return seed(arguments.value(2), arguments.value(3).toInt(), QDate(2025, 3, 1), 30);

    const int decisions = arguments.size() > 1 ? arguments.at(1).toInt() : 100'000;
    const int runs = std::max(1, arguments.size() > 2 ? arguments.at(2).toInt() : 3);
    bench::Verdict verdict(u"bench_report"_s);
#ifndef NDEBUG
    std::printf("WARNING: this is a debug build; configure with -DCMAKE_BUILD_TYPE=Release for figures.\n");
#endif
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.db"_s);
    const QDate from(2025, 3, 1);
    const int days = 30;
    QElapsedTimer seeding;
    seeding.start();
    if (!verdict.require(seed(path, decisions, from, days) == 0, u"seeding the database"_s))
        return verdict.exitStatus();
    std::printf("%d decisions over %d days seeded in %.1f s\n", decisions, days, seeding.elapsed() / 1000.0);

    struct Figures
    {
        double seconds = 0;
        double cpuSeconds = 0;
        double peakMb = 0;
        double baselineMb = 0;
        double sizeMb = 0;
        qsizetype pages = 0;
    };
    const auto runChild = [&](const QString &format) -> std::optional<Figures> {
        const QString out = dir.filePath(u"report."_s + format);
        QProcess process;
        process.start(QCoreApplication::applicationFilePath(),
                      {u"--child"_s, format, path, out, from.toString(Qt::ISODate),
                       from.addDays(days - 1).toString(Qt::ISODate)});
        if (!process.waitForFinished(kChildTimeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
            verdict.fail(u"the %1 report ran longer than %2 s"_s.arg(format).arg(kChildTimeoutMs / 1000));
            return std::nullopt;
        }
        const QList<QByteArray> figures = process.readAllStandardOutput().trimmed().split(' ');
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || figures.size() != 5) {
            verdict.fail(u"the %1 report failed (exit status %2): %3"_s.arg(format)
                             .arg(process.exitCode())
                             .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
            return std::nullopt;
        }
        return Figures{figures.at(0).toDouble() / 1000.0,
                       figures.at(4).toDouble() / 1000.0,
                       figures.at(1).toDouble() / 1024.0,
                       figures.at(2).toDouble() / 1024.0,
                       figures.at(3).toDouble() / (1024.0 * 1024.0),
                       format == u"pdf"_s ? pdfPages(out) : 0};
    };
    // One untimed pass first, so every timed run finds the database in the page cache
    // and none pays for the write-back of the seeding.
    (void)runChild(u"csv"_s);

    std::printf("Each format in a process of its own, median of %d runs; time is wall-clock, CPU is user+system\n"
                "of all its threads, memory the highest peak (VmHWM) of the runs.\n",
                runs);
    std::printf("%-5s %9s %10s %9s %12s %10s %9s\n", "fmt", "time", "vs target", "CPU", "peak memory", "vs 500 MB",
                "file");
    struct Target
    {
        QString format;
        double seconds; // 0: no time target
    };
    double baselineMb = 0;
    for (const Target &target :
         {Target{u"csv"_s, 2}, Target{u"json"_s, 0}, Target{u"html"_s, 0}, Target{u"pdf"_s, 30}}) {
        QList<double> seconds, cpuSeconds, sizesMb;
        double peakMb = 0;
        qsizetype pages = 0;
        for (int run = 0; run < runs; ++run) {
            const auto figures = runChild(target.format);
            if (!figures)
                continue;
            seconds.append(figures->seconds);
            cpuSeconds.append(figures->cpuSeconds);
            sizesMb.append(figures->sizeMb);
            peakMb = std::max(peakMb, figures->peakMb);
            baselineMb = figures->baselineMb;
            pages = figures->pages;
        }
        const auto time = verdict.median(seconds, target.format + u" report"_s);
        if (!time)
            continue;
        const QString ratio = target.seconds > 0 ? u"%1 x"_s.arg(*time / target.seconds, 0, 'f', 2) : u"-"_s;
        std::printf("%-5s %7.2f s %10s %7.2f s %9.0f MB %8.2f x %6.1f MB   (runs: %.2f .. %.2f s)%s\n",
                    qPrintable(target.format), *time, qPrintable(ratio), *bench::median(cpuSeconds), peakMb,
                    peakMb / 500.0, *bench::median(sizesMb), *std::min_element(seconds.cbegin(), seconds.cend()),
                    *std::max_element(seconds.cbegin(), seconds.cend()),
                    pages > 0 ? qPrintable(u", %1 pages"_s.arg(pages)) : "");
    }
    std::printf("(peak memory includes the %.0f MB that Qt and the connection take before the report starts)\n",
                baselineMb);
    return verdict.exitStatus();
}
