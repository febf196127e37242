// The real main window's "Profile everything due" on a demo database: due fields of one
// table profile in one run, one scan of their table for all of them, as
// `steward-cli profile --due` does, not one run (and one scan) per field.

#include "DemoWindow.h"
#include "profiler/ProfileJobModel.h"
#include "profiler/ProfilerService.h"
#include "store/Database.h"

#include <QApplication>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

// Three fields bound to the demo warehouse's ap_invoices.
const QStringList kInvoiceFields{u"ap.invoice.net_amount"_s, u"ap.invoice.supplier_id"_s, u"ap.invoice.status"_s};

} // namespace

class TestProfileBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeDueFieldsOfOneTableProfileInOneRun()
    {
        testing::DemoWindow demo;
        const QString failed = demo.open(u"batch"_s);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));

        // The three fields' completed runs lie years back: all three are due.
        {
            auto database = Database::open(demo.url());
            QVERIFY2(database, database ? "" : qPrintable(database.error().text()));
            const QVariantList keys{kInvoiceFields.at(0), kInvoiceFields.at(1), kInvoiceFields.at(2)};
            auto aged = database.value()->run(u"UPDATE mdm_profile SET created_at = '2020-01-01T00:00:00.000Z' "
                                              u"WHERE canonical_key IN (?, ?, ?)"_s,
                                              keys);
            QVERIFY2(aged, aged ? "" : qPrintable(aged.error().text()));
        }

        // What the job queue shows whenever a job of those fields starts or finishes: how
        // many of them run at once, and whether one finished before another started.
        profiler::ProfilerService &service = demo.context().services().profiler;
        auto *jobs = demo.child<QTableView>(u"jobQueueView"_s);
        QHash<quint64, QString> keyOfJob;
        QSet<QString> started, finished;
        int mostRunningAtOnce = 0;
        bool startedAfterAFinish = false;
        connect(&service, &profiler::ProfilerService::jobStarted, this, [&](quint64 id) {
            for (const profiler::ProfileJob &job : service.jobs())
                keyOfJob.insert(job.id, job.canonicalKey);
            const QString key = keyOfJob.value(id);
            if (!kInvoiceFields.contains(key))
                return;
            startedAfterAFinish |= !finished.isEmpty();
            started.insert(key);
        });
        // Connected after the queue's model, so it reads the queue as the model shows it.
        connect(&service, &profiler::ProfilerService::jobsChanged, this, [&] {
            int running = 0;
            for (int row = 0; row < jobs->model()->rowCount(); ++row) {
                const QString field = jobs->model()->index(row, ProfileJobModel::FieldColumn).data().toString();
                const QString state = jobs->model()->index(row, ProfileJobModel::StateColumn).data().toString();
                if (kInvoiceFields.contains(field) && state == u"Running"_s)
                    ++running;
            }
            mostRunningAtOnce = std::max(mostRunningAtOnce, running);
        });
        QList<profiler::ProfileRun> runs;
        connect(&service, &profiler::ProfilerService::jobFinished, this,
                [&](quint64 id, const profiler::ProfileRun &run) {
                    if (!kInvoiceFields.contains(keyOfJob.value(id)))
                        return;
                    finished.insert(keyOfJob.value(id));
                    runs.append(run);
                });

        demo.child<QTabWidget>(u"mainTabs"_s)->setCurrentIndex(2);
        QTest::mouseClick(demo.child<QPushButton>(u"runDueButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 60000);

        QCOMPARE(started.size(), 3);
        QVERIFY2(!startedAfterAFinish, "a field of the table started after another one's run had finished");
        QCOMPARE(mostRunningAtOnce, 3); // the job queue showed all three running together
        for (const profiler::ProfileRun &run : std::as_const(runs)) {
            QVERIFY2(run.status == profiler::RunStatus::Completed, qPrintable(run.canonicalKey + u": "_s + run.error));
            // One scan of the table: every field of it read the same rows in the same time.
            QCOMPARE(run.rowCount, runs.constFirst().rowCount);
            QCOMPARE(run.durationMs, runs.constFirst().durationMs);
        }
        demo.close();
    }
};

QTEST_MAIN(TestProfileBatch)
#include "tst_profilebatch.moc"
