// Deciding while the database is busy: another process holds the write lock, the
// steward approves, and the window keeps working, shows the decision on its way, and
// shows it landed once the lock is released. Drives the real main window offscreen.

#include "AuditTrailModel.h"
#include "DemoWindow.h"
#include "store/Database.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace steward;

class TestDecisions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        const QString failed = m_demo.open(u"decisions"_s);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_url = m_demo.url();
        m_window = &m_demo.window();
    }

    void cleanup() { m_demo.close(); }

    void approvingWhileAnotherProcessHoldsTheWriteLockKeepsTheWindowAlive()
    {
        auto *queue = child<QTableView>(u"queueView"_s);
        auto *approve = child<QPushButton>(u"approveButton"_s);
        const int before = queue->model()->rowCount();
        const int row = selectFirstDecidableRow();
        QVERIFY(row >= 0);
        const QString key = queue->model()->index(row, ApprovalQueueModel::KeyColumn).data().toString();

        // Another process takes the write lock and keeps it.
        auto blocker = Database::open(m_url);
        QVERIFY(blocker);
        QVERIFY(blocker.value()->run(u"BEGIN IMMEDIATE"_s));

        // A timer that ticks while the window works records the longest gap between ticks.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(20);
        connect(&ticker, &QTimer::timeout, this, [&] {
            if (ticks++ > 0)
                longestGap = std::max(longestGap, sinceTick.elapsed());
            sinceTick.restart();
        });
        sinceTick.start();
        ticker.start();

        QTest::mouseClick(approve, Qt::LeftButton);
        QWidget *dialog = m_window->findChild<QWidget *>(u"decisionDialog"_s);
        QVERIFY(dialog && dialog->isVisible());
        QElapsedTimer click;
        click.start();
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"confirmDecisionButton"_s), Qt::LeftButton);
        const qint64 confirmMs = click.elapsed();
        QVERIFY2(confirmMs < 1000, qPrintable(u"confirming took %1 ms"_s.arg(confirmMs)));

        // On its way: the buttons say so and refuse a second decision; a busy bar turns.
        auto *busyBar = m_window->findChild<QProgressBar *>(u"decisionBusyBar"_s);
        auto *status = m_window->findChild<QLabel *>(u"decisionStatusLabel"_s);
        QVERIFY(busyBar && status);
        QVERIFY(busyBar->isVisible());
        QVERIFY2(status->isVisible() && status->text().startsWith(u"Approving "_s), qPrintable(status->text()));
        QVERIFY2(status->toolTip().contains(key), qPrintable(status->toolTip()));
        QVERIFY(status->width() > 100); // readable, beside the buttons
        QCOMPARE(approve->text(), u"Approving…"_s);
        QVERIFY(!approve->isEnabled());
        QVERIFY(!child<QPushButton>(u"rejectButton"_s)->isEnabled());

        // The window goes on working while the database is busy (deciding on the GUI
        // thread would block it for the connection's 10 s busy timeout; the limits leave
        // room for a loaded machine).
        QTest::qWait(1500);
        qInfo("while the database was busy: confirming returned in %lld ms, %d ticks of 20 ms in 1.5 s, longest gap "
              "%lld ms",
              confirmMs, ticks, longestGap);
        QVERIFY2(ticks >= 15, qPrintable(QString::number(ticks)));
        QVERIFY2(longestGap < 1000, qPrintable(u"the window froze for %1 ms"_s.arg(longestGap)));
        QCOMPARE(queue->model()->rowCount(), before); // nothing decided yet
        QVERIFY(busyBar->isVisible());

        // The lock goes; the decision lands.
        QVERIFY(blocker.value()->run(u"ROLLBACK"_s));
        QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), before - 1, 15000);
        QTRY_VERIFY(!busyBar->isVisible());
        QVERIFY(status->text().isEmpty());
        QVERIFY(!child<QLabel>(u"errorBanner"_s)->isVisible());
        QCOMPARE(queue->currentIndex().row(), row); // the next request took the decided one's place
        QVERIFY(child<QLabel>(u"detailTitleLabel"_s)->text() != key);
        QCOMPARE(approve->text(), u"&Approve…"_s);
        auto *audit = child<QTableView>(u"auditTrailView"_s);
        bool recorded = false;
        for (int i = 0; i < std::min(6, audit->model()->rowCount()); ++i) {
            recorded = recorded
                       || (audit->model()->index(i, AuditTrailModel::TypeColumn).data().toString()
                               == u"approval.approved"_s
                           && audit->model()->index(i, AuditTrailModel::SubjectColumn).data().toString() == key);
        }
        QVERIFY(recorded);
    }

    void aDecisionTheDatabaseRefusesArrivesAsAnError()
    {
        auto *queue = child<QTableView>(u"queueView"_s);
        const int before = queue->model()->rowCount();
        QVERIFY(selectFirstDecidableRow() >= 0);
        const QUuid id = queue->currentIndex().data(ApprovalQueueModel::ApprovalIdRole).toUuid();

        // Decided elsewhere between the click and the write: the window hears who won.
        QTest::mouseClick(child<QPushButton>(u"approveButton"_s), Qt::LeftButton);
        QWidget *dialog = m_window->findChild<QWidget *>(u"decisionDialog"_s);
        QVERIFY(dialog);
        auto other = Database::open(m_url);
        QVERIFY(other);
        QVERIFY(other.value()->run(u"UPDATE mdm_approval SET status = 'rejected', decided_by = 'tom.baker', "
                                   u"decided_at = '2026-01-01T00:00:00.000Z' WHERE id = ?"_s,
                                   {id.toString(QUuid::WithoutBraces)}));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"confirmDecisionButton"_s), Qt::LeftButton);
        auto *banner = child<QLabel>(u"errorBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        QVERIFY2(banner->text().contains(u"tom.baker"_s), qPrintable(banner->text()));
        auto *busyBar = m_window->findChild<QProgressBar *>(u"decisionBusyBar"_s);
        QVERIFY(busyBar);
        QVERIFY(!busyBar->isVisible());
        QCOMPARE(queue->model()->rowCount(), before); // this window published nothing
    }

private:
    template <typename T> T *child(const QString &name) const { return m_demo.child<T>(name); }
    int selectFirstDecidableRow() { return m_demo.selectFirstDecidableRow(); }

    testing::DemoWindow m_demo;
    DatabaseUrl m_url;
    MainWindow *m_window = nullptr;
};

QTEST_MAIN(TestDecisions)
#include "tst_decisions.moc"
