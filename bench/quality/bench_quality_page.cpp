// How fast the Quality page opens on a large history: 100,000 mdm_profile rows over
// 2,000 fields (90 days) plus 3,000 change requests. Times every query the page runs,
// then the page itself from construction to the first paint of its charts with data
// (all charts filled). Target (issue 5): under 300 ms to first paint. Prints figures;
// fails loudly (exit 1) when a query fails or a round does not paint all its charts with
// data within 10 s.

#include "AppContext.h"
#include "BenchSupport.h"
#include "Session.h"
#include "demo/ProfileHistorySeeder.h"
#include "model/Approval.h"
#include "quality/ChartPanel.h"
#include "quality/QualityLoader.h"
#include "quality/QualityPage.h"
#include "store/Database.h"
#include "store/Migrator.h"
#include "store/WriteTransaction.h"

#include <QAbstractSeries>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

constexpr int kFields = 2000;
constexpr int kProfileRows = 100000;
constexpr int kApprovals = 3000;
constexpr double kTargetMs = 300.0;
const QUuid kTenant(u"5e1d9c4a-7b2f-4f0e-9a61-3c8d2b7e4f10"_s);

// Seeding and opening either work or end the benchmark.
bench::Verdict verdict(u"bench_quality_page"_s);

bool check(bool ok, const char *what, const QString &detail = {})
{
    return verdict.require(ok, u"%1: %2"_s.arg(QString::fromUtf8(what), detail));
}

// The tenant, a user, 2,000 catalog fields with 90 days of history trimmed to exactly
// 100,000 runs, and 3,000 change requests (a third pending).
bool seed(Database &database)
{
    if (auto failed = Migrator(database).upgrade())
        return check(false, "migrate", failed->text());
    const QString now = toIsoTimestamp(QDateTime::currentDateTimeUtc());
    const QString tenant = uuidText(kTenant);
    if (!database.run(u"INSERT INTO mdm_tenant (id, name, created_at) VALUES (?, 'Bench', ?)"_s, {tenant, now})
        || !database.run(u"INSERT INTO mdm_user_role (tenant_id, user_id, role, display_name) "
                         u"VALUES (?, 'bench.steward', 'metadata_steward', 'Bench Steward')"_s,
                         {tenant}))
        return check(false, "tenant");

    const QStringList domains{u"General Ledger"_s, u"Accounts Payable"_s, u"Accounts Receivable"_s, u"Treasury"_s,
                              u"Controlling"_s,    u"Tax"_s,              u"Fixed Assets"_s,        u"Sales"_s,
                              u"Procurement"_s,    u"Payroll"_s,          u"Inventory"_s,           u"Logistics"_s};
    const QStringList types{u"DECIMAL"_s, u"TEXT"_s, u"DATE"_s, u"INTEGER"_s};
    QRandomGenerator random(424242);
    QList<demo::HistoryField> fields;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-92);
    WriteTransaction transaction(database);
    if (auto failed = transaction.begin())
        return check(false, "begin", failed->text());
    QSqlQuery insert(database.connection());
    insert.prepare(u"INSERT INTO mdm_global_metadata (id, tenant_id, canonical_key, label, domain, tier, data_type, "
                   u"binding, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)"_s);
    for (int i = 0; i < kFields; ++i) {
        demo::HistoryField field;
        // 850 tier1 (daily), 580 tier2, 400 tier3, 130 tier4, 40 tier5: a little over 100k runs.
        field.tier = i < 850    ? Tier::Tier1
                     : i < 1430 ? Tier::Tier2
                     : i < 1830 ? Tier::Tier3
                     : i < 1960 ? Tier::Tier4
                                : Tier::Tier5;
        field.domain = domains.at(i % domains.size());
        field.table = u"table_%1"_s.arg(i / 12);
        field.canonicalKey = u"bench.%1.column_%2"_s.arg(field.table).arg(i % 12);
        field.entityUrn = u"urn:bench:%1"_s.arg(field.canonicalKey);
        field.dataType = types.at(i % types.size());
        field.format = field.dataType == u"TEXT"_s ? u"20"_s : QString();
        field.tableRows = 1000 + qint64(random.bounded(2000000));
        field.since = start;
        fields.append(field);
        const QVariantList values{uuidText(QUuid::createUuid()), tenant, field.canonicalKey, field.canonicalKey,
                                  field.domain, toString(field.tier), field.dataType,
                                  uR"({"source":"warehouse","table":"%1","column":"c"})"_s.arg(field.table),
                                  toIsoTimestamp(start), toIsoTimestamp(start)};
        for (int v = 0; v < values.size(); ++v)
            insert.bindValue(v, values.at(v));
        if (!insert.exec())
            return check(false, "catalog");
    }

    const QStringList entityTypes{u"GLOBAL_METADATA"_s, u"KPI"_s, u"BUSINESS_RULE"_s, u"GLOSSARY"_s};
    QSqlQuery approval(database.connection());
    approval.prepare(u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, payload, status, "
                     u"requested_by, decided_by, requested_at, decided_at, required_role) "
                     u"VALUES (?, ?, ?, ?, ?, 'governed', '{}', ?, 'bench.owner', ?, ?, ?, 'metadata_steward')"_s);
    for (int i = 0; i < kApprovals; ++i) {
        const QDateTime requested = start.addSecs(qint64(random.bounded(90 * 24 * 3600)));
        const bool pending = i % 3 == 0;
        const QDateTime decided = requested.addSecs(600 + qint64(random.bounded(3 * 24 * 3600)));
        const QVariantList values{
            uuidText(QUuid::createUuid()),
            tenant,
            entityTypes.at(i % 4),
            u"bench.key.%1"_s.arg(i),
            u"tier%1"_s.arg(1 + i % 5),
            pending ? u"pending"_s : (i % 5 == 1 ? u"rejected"_s : u"approved"_s),
            pending ? QVariant() : QVariant(u"bench.steward"_s),
            toIsoTimestamp(requested),
            pending ? QVariant() : QVariant(toIsoTimestamp(std::min(decided, QDateTime::currentDateTimeUtc())))};
        for (int v = 0; v < values.size(); ++v)
            approval.bindValue(v, values.at(v));
        if (!approval.exec())
            return check(false, "approvals");
    }
    if (auto failed = transaction.commit())
        return check(false, "commit", failed->text());

    demo::ProfileHistorySeeder::Options options;
    auto history = demo::ProfileHistorySeeder(database).seed(kTenant, fields, options);
    if (!history)
        return check(false, "history", history.error().text());
    // Exactly 100,000: the oldest runs beyond that go.
    const int extra = history.value().runs - kProfileRows;
    if (extra > 0
        && !database.run(u"DELETE FROM mdm_profile WHERE id IN "
                         u"(SELECT id FROM mdm_profile ORDER BY created_at LIMIT ?)"_s,
                         {extra}))
        return check(false, "trim");
    (void)database.run(u"ANALYZE"_s);
    return true;
}

int scalar(Database &database, const QString &sql)
{
    auto query = database.run(sql);
    return query && query.value().next() ? query.value().value(0).toInt() : -1;
}

// The median of `repeats` timed calls of `work`; a call that returns false fails the
// benchmark, and its time is not counted.
double timeMs(const std::function<bool()> &work, int repeats, const QString &what)
{
    QList<double> times;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = work();
        if (verdict.require(ok, what + u" failed"_s))
            times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return verdict.median(times, what).value_or(0);
}

// Paint events of the chart views after the charts got their data.
class PaintWatcher : public QObject
{
public:
    QSet<QObject *> waiting;
    std::function<void()> done;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && waiting.remove(watched) && waiting.isEmpty() && done)
            done();
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // An optional path keeps the database (and reuses it when it is already seeded).
    QTemporaryDir dir;
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : dir.filePath(u"bench.db"_s);
    const bool reuse = argc > 1 && QFileInfo::exists(path);
    const DatabaseUrl url = DatabaseUrl::sqlite(path);

    QElapsedTimer seeding;
    seeding.start();
    {
        auto opened = Database::open(url);
        if (!check(opened.ok(), "open", opened ? QString() : opened.error().text()))
            return verdict.exitStatus();
        if (reuse) {
            if (auto failed = Migrator(*opened.value()).upgrade();
                !check(!failed, "migrate", failed ? failed->text() : QString()))
                return verdict.exitStatus();
            (void)opened.value()->run(u"ANALYZE"_s);
        } else if (!seed(*opened.value())) {
            return verdict.exitStatus();
        }
        std::printf("seeded in %.1f s: %d mdm_profile rows over %d fields, %d change requests\n",
                    seeding.elapsed() / 1000.0, scalar(*opened.value(), u"SELECT COUNT(*) FROM mdm_profile"_s),
                    scalar(*opened.value(), u"SELECT COUNT(DISTINCT canonical_key) FROM mdm_profile"_s),
                    scalar(*opened.value(), u"SELECT COUNT(*) FROM mdm_approval"_s));
    }

    // Each query on its own (median of 7, a connection of this thread, 90 days).
    {
        auto opened = Database::open(url);
        Database &database = *opened.value();
        const quality::QualityQueries queries(database);
        const quality::Period period = quality::Period::lastDays(90, QDateTime::currentDateTimeUtc());
        QString field;
        if (auto fields = queries.profiledFields(kTenant, period); fields && !fields.value().isEmpty())
            field = fields.value().constFirst();
        struct Step
        {
            const char *name;
            std::function<bool()> run;
        };
        const QList<Step> steps{
            {"profiledFields", [&] { return queries.profiledFields(kTenant, period).ok(); }},
            {"activity", [&] { return queries.activity(kTenant, period).ok(); }}, // tier trend + runs per day
            {"durationHistogram", [&] { return queries.durationHistogram(kTenant, period).ok(); }},
            {"fieldTrend", [&] { return queries.fieldTrend(kTenant, field, period).ok(); }},
            {"gradeDistribution", [&] { return queries.gradeDistribution(kTenant, period).ok(); }},
            {"recentDegradations", [&] { return queries.recentDegradations(kTenant, period).ok(); }},
            {"pendingByTier", [&] { return queries.pendingByTier(kTenant).ok(); }},
            {"decisionsPerDay", [&] { return queries.decisionsPerDay(kTenant, period).ok(); }},
            {"medianTimeToDecision", [&] { return queries.medianTimeToDecision(kTenant, period).ok(); }},
        };
        std::printf("\nqueries, 90 days (median of 7; activity = tier trend + runs per day):\n");
        double sum = 0;
        for (const Step &step : steps) {
            const double ms = timeMs(step.run, 7, QString::fromUtf8(step.name));
            sum += ms;
            std::printf("  %-22s %8.1f ms\n", step.name, ms);
        }
        std::printf("  %-22s %8.1f ms\n", "all", sum);
        for (const int days : {30, 90}) {
            QualityRequest request;
            request.tenantId = kTenant;
            request.days = days;
            const double ms = timeMs(
                [&] { return QualityLoader::read(database, request, QDateTime::currentDateTimeUtc()).error.isEmpty(); }, 7,
                u"loader snapshot, %1 days"_s.arg(days));
            std::printf("  loader snapshot, %2d days %6.1f ms\n", days, ms);
        }
    }

    // The page: construction to first paint of its visible charts with data.
    auto context = AppContext::open(url, kTenant, u"bench.steward"_s);
    if (!check(context.ok(), "context", context ? QString() : context.error().text()))
        return verdict.exitStatus();
    QList<double> dataTimes;
    QList<double> paintTimes;
    std::printf("\nQuality page, 90 days, 1340x680, construction to first paint with data:\n");
    for (int round = 0; round < 7; ++round) {
        QElapsedTimer timer;
        timer.start();
        double dataMs = -1;
        double paintMs = -1;
        QEventLoop loop;
        PaintWatcher watcher;
        auto page = std::make_unique<QualityPage>(context.value()->services(), context.value()->session());
        const double constructedMs = double(timer.nsecsElapsed()) / 1e6;
        page->resize(1340, 680);
        QObject::connect(page.get(), &QualityPage::chartsUpdated, &loop, [&] {
            dataMs = double(timer.nsecsElapsed()) / 1e6;
            // The visible charts (first section) must paint once more, now with data.
            for (const QString &name : {u"tierTrend"_s, u"fieldTrend"_s, u"distribution"_s}) {
                QChartView *view = page->panel(name)->view();
                if (view->chart()->series().isEmpty())
                    std::fprintf(stderr, "  %s has no series\n", qPrintable(name));
                watcher.waiting.insert(view->viewport());
                view->viewport()->installEventFilter(&watcher);
            }
        });
        watcher.done = [&] {
            paintMs = double(timer.nsecsElapsed()) / 1e6;
            loop.quit();
        };
        page->show();
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        bool filled = true;
        for (const QString &name : {u"tierTrend"_s, u"fieldTrend"_s, u"distribution"_s, u"runsPerDay"_s,
                                    u"durations"_s, u"pending"_s, u"decisions"_s})
            filled = filled && !page->panel(name)->chart()->series().isEmpty();
        std::printf("  round %d: constructed %5.1f ms, data shown %6.1f ms, first paint %6.1f ms%s\n", round + 1,
                    constructedMs, dataMs, paintMs, filled ? "" : "  (a chart is empty)");
        const bool painted = verdict.require(dataMs >= 0 && paintMs >= 0,
                                             u"round %1: no first paint with data within 10 s"_s.arg(round + 1));
        const bool complete = verdict.require(filled, u"round %1: a chart is empty"_s.arg(round + 1));
        if (round > 0 && painted && complete) { // the first round also warms the file cache
            dataTimes.append(dataMs);
            paintTimes.append(paintMs);
        }
        page.reset();
        QCoreApplication::processEvents();
    }
    const auto data = verdict.median(dataTimes, u"rounds 2-7, data shown"_s);
    const auto paint = verdict.median(paintTimes, u"rounds 2-7, first paint"_s);
    if (data && paint)
        std::printf("\nmedian of rounds 2-7: data shown %.1f ms, first paint %.1f ms; target %.0f ms: ratio %.2f (%s)\n",
                    *data, *paint, kTargetMs, *paint / kTargetMs, *paint <= kTargetMs ? "met" : "missed");
    return verdict.exitStatus();
}
