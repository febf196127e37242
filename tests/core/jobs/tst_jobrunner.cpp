// JobRunner, the one way work leaves the caller's thread: where the job runs and where
// its answer arrives, how failures of every sort arrive as errors, cancelling, dropping
// stale answers, and shutting down while a job runs.

#include "jobs/JobRunner.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::jobs;

namespace {

constexpr int kTimeoutMs = 10000;

// Waits in a job until the test lets it go, or it is cancelled.
bool waitFor(QSemaphore &gate, JobContext &context)
{
    while (!gate.tryAcquire(1, 10)) {
        if (context.isCancelled())
            return false;
    }
    return true;
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theJobRunsOnTheWorkerAndItsResultArrivesOnTheCallersThread()
    {
        JobRunner runner(u"test-worker"_s, DatabaseUrl::sqlite(m_dir.filePath(u"result.db"_s)));
        QThread *jobThread = nullptr;
        QThread *doneThread = nullptr;
        std::optional<Result<int>> answer;
        runner.start(
            [&jobThread](JobContext &context) -> Result<int> {
                jobThread = QThread::currentThread();
                auto query = context.database().run(u"SELECT 6 * 7"_s);
                if (!query)
                    return query.error();
                query.value().next();
                return query.value().value(0).toInt();
            },
            [&](const Result<int> &result) {
                doneThread = QThread::currentThread();
                answer = result;
            });
        QVERIFY(runner.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kTimeoutMs);
        QVERIFY2(answer->ok(), qPrintable(answer->ok() ? QString() : answer->error().text()));
        QCOMPARE(answer->value(), 42);
        QVERIFY(jobThread != nullptr);
        QVERIFY(jobThread != QThread::currentThread());
        QCOMPARE(jobThread->objectName(), u"test-worker"_s);
        QCOMPARE(doneThread, QThread::currentThread());
        QVERIFY(!runner.isBusy());
    }

    void jobsRunOneAfterAnotherInTheOrderTheyStarted()
    {
        JobRunner runner(u"test-order"_s);
        QList<int> order;
        for (int i = 0; i < 5; ++i)
            runner.start([i](JobContext &) { return Result<int>(i); },
                         [&order](const Result<int> &result) { order.append(result.value()); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, kTimeoutMs);
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
    }

    void errorsThrowsAndAConnectionThatDoesNotOpenArriveAsErrors()
    {
        JobRunner runner(u"test-errors"_s);
        QList<QString> errors;
        const auto record = [&errors](const Result<int> &result) {
            errors.append(result.ok() ? u"ok"_s : result.error().text());
        };
        runner.start([](JobContext &) -> Result<int> { return Error::make(ErrorCode::Conflict, u"refused"_s); },
                     record);
        runner.start([](JobContext &) -> Result<int> { throw std::runtime_error("disk on fire"); }, record);
        runner.start([](JobContext &) -> Result<int> { throw 42; }, record);
        runner.start([](JobContext &) { return Result<int>(1); }, record); // the worker goes on
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 4, kTimeoutMs);
        QCOMPARE(errors.at(0), u"refused"_s);
        QVERIFY2(errors.at(1).contains(u"disk on fire"_s), qPrintable(errors.at(1)));
        QVERIFY2(errors.at(2).contains(u"unexpectedly"_s), qPrintable(errors.at(2)));
        QCOMPARE(errors.at(3), u"ok"_s);

        // A database that cannot be opened: the job does not run, its error says why.
        JobRunner nowhere(u"test-nowhere"_s, DatabaseUrl::sqlite(m_dir.filePath(u"no/such/folder/x.db"_s)));
        bool ran = false;
        std::optional<QString> error;
        nowhere.start(
            [&ran](JobContext &) {
                ran = true;
                return Result<int>(0);
            },
            [&error](const Result<int> &result) { error = result.ok() ? QString() : result.error().text(); });
        QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), kTimeoutMs);
        QVERIFY(!ran);
        QVERIFY2(error->contains(u"folder"_s), qPrintable(*error));
    }

    void progressArrivesOnTheCallersThreadInOrderWithoutRepeats()
    {
        JobRunner runner(u"test-progress"_s);
        QList<int> seen;
        bool wrongThread = false;
        bool done = false;
        runner.start(
            [](JobContext &context) {
                for (int percent : {0, 10, 10, 50, 50, 50, 100})
                    context.reportProgress(percent);
                return Result<int>(0);
            },
            [&done](const Result<int> &) { done = true; },
            [&](int percent) {
                wrongThread = wrongThread || QThread::currentThread() != thread();
                seen.append(percent);
                QVERIFY(!done); // progress never comes after the result
            });
        QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
        QCOMPARE(seen, (QList<int>{0, 10, 50, 100}));
        QVERIFY(!wrongThread);
    }

    void aCancelledJobStopsAndStillAnswers()
    {
        JobRunner runner(u"test-cancel"_s);
        QSemaphore started;
        QSemaphore never;
        std::optional<Result<int>> answer;
        const JobId job = runner.start(
            [&](JobContext &context) -> Result<int> {
                started.release();
                if (!waitFor(never, context))
                    return Error::make(ErrorCode::Unavailable, u"stopped"_s);
                return 1;
            },
            [&answer](const Result<int> &result) { answer = result; });
        QVERIFY(started.tryAcquire(1, kTimeoutMs));
        runner.cancel(job);
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kTimeoutMs);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().text(), u"stopped"_s);
    }

    void staleJobsAreDroppedAndOnlyTheNewestAnswers()
    {
        JobRunner runner(u"test-stale"_s);
        QSemaphore started;
        QSemaphore gate;
        QList<int> answers;
        QList<int> progress;
        int posted = 0;
        const auto record = [&answers](const Result<int> &result) {
            answers.append(result.ok() ? result.value() : -1);
        };
        // The first runs and waits; the second waits in the queue behind it.
        const JobId first = runner.start(
            [&](JobContext &context) -> Result<int> {
                started.release();
                while (!gate.tryAcquire(1, 10)) {
                }
                context.reportProgress(50);
                context.postToOwner([&posted] { ++posted; }); // a fact: arrives whatever the result
                return 1;
            },
            record, [&progress](int percent) { progress.append(percent); });
        const JobId second = runner.start([](JobContext &) { return Result<int>(2); }, record);
        QVERIFY(started.tryAcquire(1, kTimeoutMs));
        QVERIFY(second > first); // the generation

        runner.discardAll(); // both stale: the running one and the queued one
        const JobId third = runner.start([](JobContext &) { return Result<int>(3); }, record);
        QVERIFY(third > second);
        gate.release();
        QTRY_COMPARE_WITH_TIMEOUT(answers, QList<int>{3}, kTimeoutMs);
        QTest::qWait(50);
        QCOMPARE(answers, QList<int>{3});
        QVERIFY(progress.isEmpty());
        QCOMPARE(posted, 1);
        QVERIFY(!runner.isBusy());

        // One job alone can be discarded too.
        const JobId fourth = runner.start([](JobContext &) { return Result<int>(4); }, record);
        runner.start([](JobContext &) { return Result<int>(5); }, record);
        runner.discard(fourth);
        QTRY_COMPARE_WITH_TIMEOUT(answers, (QList<int>{3, 5}), kTimeoutMs);
    }

    void shuttingDownWhileAJobRunsStopsItAndClosesTheConnectionInItsThread()
    {
        const QStringList connectionsBefore = QSqlDatabase::connectionNames();
        auto runner = std::make_unique<JobRunner>(u"test-shutdown"_s,
                                                  DatabaseUrl::sqlite(m_dir.filePath(u"shutdown.db"_s)));
        QSemaphore started;
        QSemaphore never;
        bool answered = false;
        bool sawCancel = false;
        runner->start(
            [&](JobContext &context) -> Result<int> {
                (void)context.database();
                started.release();
                sawCancel = !waitFor(never, context);
                return 0;
            },
            [&answered](const Result<int> &) { answered = true; });
        bool queuedRan = false;
        runner->start(
            [&queuedRan](JobContext &) {
                queuedRan = true;
                return Result<int>(0);
            },
            [&answered](const Result<int> &) { answered = true; });
        QVERIFY(started.tryAcquire(1, kTimeoutMs));
        QCOMPARE(QSqlDatabase::connectionNames().size(), connectionsBefore.size() + 1);

        QElapsedTimer clock;
        clock.start();
        runner.reset();
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(sawCancel);
        QVERIFY(!queuedRan);
        QCOMPARE(QSqlDatabase::connectionNames(), connectionsBefore); // closed and removed in its thread
        QTest::qWait(50);
        QVERIFY(!answered); // nobody is left to answer

        // After shutdown nothing starts.
        JobRunner stopped(u"test-stopped"_s);
        stopped.shutdown();
        QCOMPARE(stopped.start([](JobContext &) { return Result<int>(0); }, [](const Result<int> &) {}), JobId(0));
    }

    void runHereGuardsTheCallersThreadTheSameWay()
    {
        const Result<int> thrown = runHere([]() -> Result<int> { throw std::runtime_error("bad input"); });
        QVERIFY(!thrown.ok());
        QVERIFY2(thrown.error().text().contains(u"bad input"_s), qPrintable(thrown.error().text()));
        const Result<int> fine = runHere([] { return Result<int>(7); });
        QCOMPARE(fine.value(), 7);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
