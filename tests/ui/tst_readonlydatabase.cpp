// A database file the steward may read but not write (a read-only copy, a locked-down
// share): the real main window opens on it and shows the queue; a decision ends in the
// error banner, which says that the file is read-only and names it. The window stays up
// and the request stays pending. Drives the real main window offscreen.
//
// STEWARD_SCREENSHOT=<file.png> saves the window with its banner (run it under xvfb-run
// with QT_QPA_PLATFORM=xcb to see it as a user would).

#include "DemoWindow.h"
#include "ReadOnlyStorage.h"
#include "store/ApprovalRepository.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

class TestReadOnlyDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aDecisionOnAReadOnlyDatabaseShowsWhyInTheBanner()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const DatabaseUrl url = DatabaseUrl::sqlite(dir.filePath(u"readonly.db"_s));
        auto prepared = prepareDatabase(url, true);
        QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().text()));

        testing::ReadOnlyStorage readOnly(url.path, testing::ReadOnlyStorage::Scope::File);
        QVERIFY2(readOnly.method() != testing::ReadOnlyStorage::Method::RunAsNobody,
                 "running as root without chattr: install e2fsprogs so the test can make the file read-only");
        const QString protectFailed = readOnly.protect();
        QVERIFY2(protectFailed.isEmpty(), qPrintable(protectFailed));
        qInfo("read-only by %s", qPrintable(readOnly.describe()));

        testing::DemoWindow demo;
        const QString failed = demo.openOn(url, demo::northwindTenantId(), u"amara.okafor"_s);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        auto *queue = demo.child<QTableView>(u"queueView"_s);
        const int before = queue->model()->rowCount();
        QVERIFY(before > 0); // reading works
        QVERIFY(demo.selectFirstDecidableRow() >= 0);
        const QUuid id = queue->currentIndex().data(ApprovalQueueModel::ApprovalIdRole).toUuid();

        QTest::mouseClick(demo.child<QPushButton>(u"approveButton"_s), Qt::LeftButton);
        QWidget *dialog = demo.window().findChild<QWidget *>(u"decisionDialog"_s);
        QVERIFY(dialog && dialog->isVisible());
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"confirmDecisionButton"_s), Qt::LeftButton);

        auto *busyBar = demo.window().findChild<QProgressBar *>(u"decisionBusyBar"_s);
        QVERIFY(busyBar);
        QTRY_VERIFY_WITH_TIMEOUT(!busyBar->isVisible(), 15000);
        auto *banner = demo.child<QLabel>(u"errorBanner"_s);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(u"is read-only"_s), qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QFileInfo(url.path).fileName()), qPrintable(banner->text()));
        QVERIFY2(!banner->text().contains(u'\n'), qPrintable(banner->text()));
        qInfo("banner: %s", qPrintable(banner->text()));

        // Nothing was decided, and the window goes on working.
        QCOMPARE(queue->model()->rowCount(), before);
        auto approval = demo.context().services().approvalRepository.find(demo::northwindTenantId(), id);
        QVERIFY2(approval, approval ? "" : qPrintable(approval.error().text()));
        QVERIFY(approval.value().has_value());
        QVERIFY(approval.value()->isPending());
        QVERIFY(demo.window().isVisible());
        QVERIFY(demo.child<QPushButton>(u"approveButton"_s)->isEnabled());

        if (const QString screenshot = qEnvironmentVariable("STEWARD_SCREENSHOT"); !screenshot.isEmpty())
            QVERIFY2(demo.window().grab().save(screenshot), qPrintable(screenshot));
        demo.close(); // before the file is writable again
    }
};

QTEST_MAIN(TestReadOnlyDatabase)
#include "tst_readonlydatabase.moc"
