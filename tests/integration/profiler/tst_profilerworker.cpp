// ProfilerService and its worker thread: priority order, cancel (running and queued),
// the per-run time limit, failures that leave the worker serving, and shutdown while a
// scan runs.

#include "ProfilerFixture.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "profiler/ProfileExecution.h"
#include "profiler/ProfileRepository.h"
#include "profiler/ProfilerService.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::profiler;
using steward::testing::ProfilerFixture;

namespace {

constexpr int kTimeoutMs = 20000;
// Big enough that a scan of it is still running when the test reacts to its progress.
constexpr qint64 kBigRows = 1'500'000;

const QString kBig = u"fin.big.code"_s;
const QString kSmall = u"fin.small.amount"_s;
const QString kMissingColumn = u"fin.small.missing"_s;
const QString kBadPattern = u"fin.small.label"_s;

} // namespace

class ProfilerWorkerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void highPriorityJobsRunBeforeNormalOnes();
    void cancellingTheRunningJobEndsItAsCancelledWithAnEvent();
    void cancellingAQueuedJobRemovesIt();
    void aRunOverTheTimeLimitFailsWithAClearError();
    void aBadBindingAndABadRegexFailAndTheWorkerGoesOn();
    void destroyingTheServiceWhileAJobRunsNeitherHangsNorCrashes();
    void cleanupTestCase();

private:
    quint64 request(const QString &key, bool high = false, Trigger trigger = Trigger::Manual);
    // Waits until `jobId` finished and returns its run.
    std::optional<ProfileRun> waitForRun(quint64 jobId);
    bool waitUntilScanning(quint64 jobId);

    ProfilerFixture m_fixture;
    std::unique_ptr<EventBus> m_bus;
    std::unique_ptr<ProfilerService> m_profiler;
    QList<Event> m_events;
    QList<quint64> m_started;
    QHash<quint64, ProfileRun> m_finished;
    QHash<quint64, int> m_progress;
};

void ProfilerWorkerTest::initTestCase()
{
    const Status ready = m_fixture.setUp();
    QVERIFY2(!ready, ready ? qPrintable(ready->text()) : "");

    Status failed = m_fixture.createTableBySql(
        u"big"_s, u"id INTEGER PRIMARY KEY, code TEXT, amount INTEGER"_s,
        u"(code, amount) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
        u"SELECT printf('AC-%06d', x % 90000), x % 1000 FROM c"_s.arg(kBigRows));
    QVERIFY2(!failed, failed ? qPrintable(failed->text()) : "");
    failed = m_fixture.createTable(
        u"small"_s, {{u"amount"_s, u"INTEGER"_s}, {u"label"_s, u"TEXT"_s}}, 100,
        [](qint64 row, int column) { return column == 0 ? QVariant(row % 7) : QVariant(u"row %1"_s.arg(row)); });
    QVERIFY2(!failed, failed ? qPrintable(failed->text()) : "");

    for (const Status &added :
         {m_fixture.addField(kBig, Tier::Tier2, u"big"_s, u"code"_s, u"TEXT"_s),
          m_fixture.addRule(u"rule.big.code_pattern"_s, kBig, u"regex"_s,
                            QJsonObject{{u"pattern"_s, u"^AC-[0-9]{6}$"_s}}),
          m_fixture.addField(kSmall, Tier::Tier3, u"small"_s, u"amount"_s, u"INTEGER"_s),
          m_fixture.addField(kMissingColumn, Tier::Tier3, u"small"_s, u"no_such_column"_s, u"TEXT"_s),
          m_fixture.addField(kBadPattern, Tier::Tier3, u"small"_s, u"label"_s, u"TEXT"_s),
          // Approval refuses such a pattern; a rule stored by other means must still fail cleanly.
          m_fixture.addRule(u"rule.small.broken_pattern"_s, kBadPattern, u"regex"_s,
                            QJsonObject{{u"pattern"_s, u"([a-z"_s}})}) {
        QVERIFY2(!added, added ? qPrintable(added->text()) : "");
    }

    m_bus = std::make_unique<EventBus>();
    connect(m_bus.get(), &EventBus::eventPublished, this, [this](const Event &event) { m_events.append(event); });
    m_profiler = std::make_unique<ProfilerService>(m_fixture.url(), *m_bus);
    connect(m_profiler.get(), &ProfilerService::jobStarted, this, [this](quint64 id) { m_started.append(id); });
    connect(m_profiler.get(), &ProfilerService::jobFinished, this,
            [this](quint64 id, const ProfileRun &run) { m_finished.insert(id, run); });
    connect(m_profiler.get(), &ProfilerService::jobProgress, this,
            [this](quint64 id, int percent) { m_progress.insert(id, percent); });
}

void ProfilerWorkerTest::cleanupTestCase()
{
    m_profiler.reset();
    m_bus.reset();
}

quint64 ProfilerWorkerTest::request(const QString &key, bool high, Trigger trigger)
{
    // Bypass the cost guard: these tests profile the same fields again and again.
    return m_profiler->request(m_fixture.tenantId(), key, trigger, high, true);
}

std::optional<ProfileRun> ProfilerWorkerTest::waitForRun(quint64 jobId)
{
    if (!QTest::qWaitFor([&] { return m_finished.contains(jobId); }, kTimeoutMs))
        return std::nullopt;
    return m_finished.value(jobId);
}

// True once the job reported progress from inside its scan.
bool ProfilerWorkerTest::waitUntilScanning(quint64 jobId)
{
    return QTest::qWaitFor([&] { return m_progress.value(jobId, 0) >= 1 || m_finished.contains(jobId); }, kTimeoutMs) &&
           !m_finished.contains(jobId);
}

void ProfilerWorkerTest::highPriorityJobsRunBeforeNormalOnes()
{
    m_started.clear();
    const quint64 big = request(kBig);
    QVERIFY(waitUntilScanning(big));

    // While the worker is busy: a normal job, then a high-priority one.
    const quint64 normal = request(kSmall, false, Trigger::Schedule);
    const quint64 high = request(kSmall, true, Trigger::Approval);
    QList<quint64> order;
    for (const ProfileJob &job : m_profiler->jobs())
        order.append(job.id);
    QCOMPARE(order, (QList<quint64>{big, high, normal}));
    QVERIFY(m_profiler->jobs().constFirst().running);

    m_profiler->cancel(big);
    QVERIFY(waitForRun(normal));
    QCOMPARE(m_started, (QList<quint64>{big, high, normal}));
    QCOMPARE(toString(m_finished.value(big).status), toString(RunStatus::Cancelled));
    QCOMPARE(toString(m_finished.value(high).status), toString(RunStatus::Completed));
    QCOMPARE(toString(m_finished.value(high).trigger), toString(Trigger::Approval));
    QCOMPARE(toString(m_finished.value(normal).trigger), toString(Trigger::Schedule));
    QVERIFY(m_profiler->jobs().isEmpty());
}

void ProfilerWorkerTest::cancellingTheRunningJobEndsItAsCancelledWithAnEvent()
{
    QSignalSpy progress(m_profiler.get(), &ProfilerService::jobProgress);
    const quint64 job = request(kBig);
    QVERIFY(waitUntilScanning(job));
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    m_profiler->cancel(job);
    QVERIFY(m_profiler->jobs().constFirst().running); // listed until its run comes back

    const auto run = waitForRun(job);
    QVERIFY(run);
    QVERIFY2(sinceCancel.elapsed() < 3000, qPrintable(QString::number(sinceCancel.elapsed())));
    QCOMPARE(toString(run->status), toString(RunStatus::Cancelled));
    QVERIFY2(run->error.contains(u"cancel"_s), qPrintable(run->error));
    QVERIFY(!run->id.isNull());
    QVERIFY(progress.size() >= 1);

    // Saved, and announced on the bus with the profile id as correlation.
    auto latest = ProfileRepository(m_fixture.database()).latest(m_fixture.tenantId(), kBig);
    QVERIFY(latest && latest.value());
    QCOMPARE(latest.value()->id, run->id);
    QCOMPARE(toString(latest.value()->status), toString(RunStatus::Cancelled));
    QTRY_VERIFY(std::any_of(m_events.cbegin(), m_events.cend(), [&](const Event &event) {
        return event.type == QStringView(ProfileEventType::Cancelled) && event.correlationId == run->id;
    }));
}

void ProfilerWorkerTest::cancellingAQueuedJobRemovesIt()
{
    const quint64 running = request(kBig);
    QVERIFY(waitUntilScanning(running));
    const quint64 queued = request(kSmall);
    QCOMPARE(m_profiler->jobs().size(), 2);

    m_profiler->cancel(queued);
    QCOMPARE(m_profiler->jobs().size(), 1); // gone at once
    QCOMPARE(m_profiler->jobs().constFirst().id, running);

    m_profiler->cancel(running);
    const quint64 next = request(kSmall);
    const auto run = waitForRun(next);
    QVERIFY(run);
    QCOMPARE(toString(run->status), toString(RunStatus::Completed));
    QVERIFY(!m_finished.contains(queued));
    QVERIFY(!m_started.contains(queued));
}

void ProfilerWorkerTest::aRunOverTheTimeLimitFailsWithAClearError()
{
    m_profiler->setTimeLimitMs(150);
    const quint64 job = request(kBig);
    const auto run = waitForRun(job);
    m_profiler->setTimeLimitMs(10 * 60 * 1000);
    QVERIFY(run);
    QCOMPARE(toString(run->status), toString(RunStatus::Failed));
    QVERIFY2(run->error.contains(u"limit"_s), qPrintable(run->error));

    QTRY_VERIFY(std::any_of(m_events.cbegin(), m_events.cend(), [&](const Event &event) {
        return event.type == QStringView(ProfileEventType::Failed) && event.correlationId == run->id &&
               event.payload.value(u"error"_s).toString() == run->error;
    }));

    // The limit applies per run: the next one has the default again.
    const auto next = waitForRun(request(kSmall));
    QVERIFY(next);
    QCOMPARE(toString(next->status), toString(RunStatus::Completed));
}

void ProfilerWorkerTest::aBadBindingAndABadRegexFailAndTheWorkerGoesOn()
{
    const quint64 missing = request(kMissingColumn);
    const quint64 pattern = request(kBadPattern);
    const quint64 good = request(kSmall);

    const auto goodRun = waitForRun(good);
    QVERIFY(goodRun);
    QCOMPARE(toString(goodRun->status), toString(RunStatus::Completed));
    QCOMPARE(goodRun->metrics.nonNull, qint64(100));
    QCOMPARE(goodRun->metrics.distinct, qint64(7));

    const ProfileRun missingRun = m_finished.value(missing);
    QCOMPARE(toString(missingRun.status), toString(RunStatus::Failed));
    QVERIFY2(missingRun.error.contains(u"no_such_column"_s), qPrintable(missingRun.error));
    QVERIFY(!missingRun.id.isNull()); // saved

    const ProfileRun patternRun = m_finished.value(pattern);
    QCOMPARE(toString(patternRun.status), toString(RunStatus::Failed));
    QVERIFY2(patternRun.error.contains(u"rule.small.broken_pattern"_s) || patternRun.error.contains(u"([a-z"_s),
             qPrintable(patternRun.error));

    for (const ProfileRun &run : {missingRun, patternRun}) {
        QVERIFY(std::any_of(m_events.cbegin(), m_events.cend(), [&](const Event &event) {
            return event.type == QStringView(ProfileEventType::Failed) && event.correlationId == run.id;
        }));
    }
}

void ProfilerWorkerTest::destroyingTheServiceWhileAJobRunsNeitherHangsNorCrashes()
{
    EventBus bus;
    auto service = std::make_unique<ProfilerService>(m_fixture.url(), bus);
    int percent = 0;
    connect(service.get(), &ProfilerService::jobProgress, this, [&](quint64, int value) { percent = value; });
    service->request(m_fixture.tenantId(), kBig, Trigger::Manual, false, true);
    service->request(m_fixture.tenantId(), kSmall, Trigger::Manual, false, true);
    QVERIFY(QTest::qWaitFor([&] { return percent >= 1; }, kTimeoutMs));

    QElapsedTimer clock;
    clock.start();
    service.reset();
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(ProfilerWorkerTest)
#include "tst_profilerworker.moc"
