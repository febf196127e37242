// Team mode in the real main window, offscreen, on a real PostgreSQL server: what another
// desktop (here steward-cli, a process of its own) commits reaches this window's queue
// within a second without polling; a server that goes away and comes back shows a banner,
// refuses decisions meanwhile and misses no event; the connect dialog says why a database
// does not answer and changes nothing then.

#include "DemoWindow.h"
#include "TestDatabase.h"
#include "events/EventBus.h"
#include "team/TeamConnection.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace steward;

namespace {

QString cliPath()
{
    const QString path = qEnvironmentVariable("STEWARD_CLI");
    if (path.isEmpty())
        qFatal("STEWARD_CLI names steward-cli; run the test through ctest");
    return path;
}

QString serverScript()
{
    return QStringLiteral(STEWARD_SOURCE_DIR) + u"/tests/postgres/test-server.sh"_s;
}

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

// A process of its own, as another desktop would be.
Run runProcess(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return Run{-1, {}, u"timed out: "_s + program};
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()).trimmed(),
               QString::fromUtf8(process.readAllStandardError()).trimmed()};
}

// A team database of its own on a test server (the shared fixture's, copied from its
// migrated template), four pending requests by the data owner, and the real main window
// on it as sam.steward's own login, composed the way main() does.
class TeamWindow
{
public:
    ~TeamWindow() { close(); }

    // `server`: the migrated template on a test server (tests/postgres/test-server.sh).
    QString open(const QString &server = qEnvironmentVariable("STEWARD_TEST_POSTGRES"))
    {
        const QByteArray shared = qgetenv("STEWARD_TEST_POSTGRES");
        qputenv("STEWARD_TEST_POSTGRES", server.toUtf8()); // where TestDatabase makes its copy
        const Status prepared = m_database.setUp();
        qputenv("STEWARD_TEST_POSTGRES", shared);
        if (prepared)
            return prepared->text();
        if (!m_database.isTeamDatabase())
            return u"STEWARD_TEST_POSTGRES names no team database; run the test through ctest"_s;
        for (const QString &column : {u"tax"_s, u"net"_s, u"gross"_s, u"rate"_s}) {
            const QString key = u"sales.orders."_s + column;
            auto submitted = m_database.service().submit(
                m_database.as(testing::Users::Owner),
                testing::createRequest(EntityType::GlobalMetadata, key, Tier::Tier3,
                                       testing::fieldPayload(key, Tier::Tier3, u"orders"_s, column)));
            if (!submitted)
                return submitted.error().text();
        }
        DatabaseUrl person = m_database.url();
        person.user = testing::Users::Steward;
        if (QString failed = m_window.openOn(person, testing::TestDatabase::tenantId(), person.user); !failed.isEmpty())
            return failed;
        // Listening to the database, with the queue loaded.
        if (!QTest::qWaitFor([this] { return team().isConnected() && queue()->rowCount() == 4; }, 15000))
            return u"the window did not connect to the team database with its four requests (%1 rows)"_s.arg(
                queue()->rowCount());
        return {};
    }

    void close() { m_window.close(); }

    // The database URI as `login` would connect.
    QString as(const QString &login) const
    {
        DatabaseUrl url = m_database.url();
        url.user = login;
        return url.toString();
    }
    // Another steward decides, in a process of its own.
    Run approve(const QString &approvalId) const
    {
        return runProcess(cliPath(), {u"--db"_s, as(testing::Users::OtherSteward), u"approve"_s, approvalId});
    }

    template <typename T> T *child(const QString &name) const { return m_window.child<T>(name); }
    ApprovalQueueModel *queue() const
    {
        return qobject_cast<ApprovalQueueModel *>(child<QTableView>(u"queueView"_s)->model());
    }
    QString idAt(int row) const
    {
        return uuidText(queue()->index(row, 0).data(ApprovalQueueModel::ApprovalIdRole).toUuid());
    }
    int rowOf(const QString &id) const { return queue()->loadedRowOf(QUuid::fromString(id)); }
    TeamConnection &team() const { return *m_window.context().services().team; }
    MainWindow &window() const { return m_window.window(); }
    AppContext &context() const { return m_window.context(); }
    Settings &settings() const { return m_window.settings(); }
    const DatabaseUrl &url() const { return m_window.url(); }

private:
    testing::TestDatabase m_database;
    testing::DemoWindow m_window;
};

} // namespace

class TeamModeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anotherProcessesDecisionReachesTheQueueWithinASecond();
    void thisDesktopsDecisionReachesTheBusOnce();
    void aServerRestartShowsTheBannerRefusesDecisionsAndMissesNothing();
    void theConnectDialogSaysWhyAndChangesNothing();
};

void TeamModeTest::anotherProcessesDecisionReachesTheQueueWithinASecond()
{
    TeamWindow team;
    const QString failed = team.open();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    // The steward looks at the first request; another steward decides the second.
    auto *view = team.child<QTableView>(u"queueView"_s);
    view->selectRow(0);
    const QString selected = team.idAt(0);
    const QString decided = team.idAt(1);
    QSignalSpy removed(team.queue(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy resets(team.queue(), &QAbstractItemModel::modelReset);
    const Run approved = team.approve(decided);
    QVERIFY2(approved.status == 0, qPrintable(approved.err));
    QElapsedTimer sinceCommit; // the process has exited, so its transaction committed
    sinceCommit.start();
    QVERIFY(removed.wait(5000));
    const qint64 arrivedMs = sinceCommit.elapsed();
    qInfo("decision of another process reached the queue after %lld ms", arrivedMs);
    QVERIFY2(arrivedMs < 1000, qPrintable(u"took %1 ms"_s.arg(arrivedMs)));
    QCOMPARE(team.rowOf(decided), -1);
    QCOMPARE(team.queue()->rowCount(), 3);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(team.idAt(view->currentIndex().row()), selected); // the selection stayed
    // The audit trail has the decision too, by whom it was made.
    const QAbstractItemModel *audit = team.child<QTableView>(u"auditTrailView"_s)->model();
    bool seen = false;
    for (int row = 0; row < audit->rowCount() && !seen; ++row) {
        for (int column = 0; column < audit->columnCount(); ++column)
            seen = seen || audit->index(row, column).data().toString().contains(testing::Users::OtherSteward);
    }
    QVERIFY2(seen, "the audit trail does not show sue.steward's decision");
}

void TeamModeTest::thisDesktopsDecisionReachesTheBusOnce()
{
    TeamWindow team;
    const QString failed = team.open();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    // The decision comes back from this desktop's worker and, as a doorbell, from the
    // database: the bus carries each of its events once.
    QSignalSpy decided(&team.context().services().bus, &EventBus::approvalDecided);
    team.child<QTableView>(u"queueView"_s)->selectRow(0);
    const QString id = team.idAt(0);
    auto *approve = team.child<QPushButton>(u"approveButton"_s);
    QTRY_VERIFY(approve->isEnabled());
    approve->click();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = team.window().findChild<QDialog *>(u"decisionDialog"_s)));
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"confirmDecisionButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(team.rowOf(id), -1, 15000);
    QTest::qWait(1500); // room for the doorbell's copy to arrive, if it were let through
    QCOMPARE(decided.count(), 1);
}

void TeamModeTest::aServerRestartShowsTheBannerRefusesDecisionsAndMissesNothing()
{
    const QString port = qEnvironmentVariable("STEWARD_TEST_PRIVATE_POSTGRES_PORT");
    QVERIFY2(!port.isEmpty(), "STEWARD_TEST_PRIVATE_POSTGRES_PORT names a port for a server of this test's own");
    // In the build tree, which the server's own user may enter (a temporary folder is private).
    const QString serverDir = qEnvironmentVariable("STEWARD_TEST_PRIVATE_POSTGRES_DIR");
    QVERIFY2(!serverDir.isEmpty(), "STEWARD_TEST_PRIVATE_POSTGRES_DIR names the folder of that server");
    const Run started = runProcess(serverScript(), {u"start"_s, serverDir, port, cliPath()});
    QVERIFY2(started.status == 0, qPrintable(started.err));
    const auto stopServer = qScopeGuard([&] { runProcess(serverScript(), {u"stop"_s, serverDir}); });
    TeamWindow team;
    const QString failed = team.open(started.out.section(u'\n', -1));
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    auto *banner = team.child<QLabel>(u"connectionBanner"_s);
    QVERIFY(!banner->isVisible());

    const Run halted = runProcess(serverScript(), {u"halt"_s, serverDir});
    QVERIFY2(halted.status == 0, qPrintable(halted.err));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QVERIFY2(banner->text().contains(u"Reconnecting"_s), qPrintable(banner->text()));

    // A decision now is refused, clearly, and nothing waits to be sent later.
    auto *view = team.child<QTableView>(u"queueView"_s);
    view->selectRow(0);
    auto *approve = team.child<QPushButton>(u"approveButton"_s);
    QTRY_VERIFY(approve->isEnabled());
    approve->click();
    auto *errors = team.child<QLabel>(u"errorBanner"_s);
    QTRY_VERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(u"unreachable"_s), qPrintable(errors->text()));
    QVERIFY(!team.window().findChild<QDialog *>(u"decisionDialog"_s));

    const Run resumed = runProcess(serverScript(), {u"resume"_s, serverDir, port});
    QVERIFY2(resumed.status == 0, qPrintable(resumed.err));
    // Committed right after the restart, most likely before the window reconnected.
    const QString decided = team.idAt(1);
    const Run approved = team.approve(decided);
    QVERIFY2(approved.status == 0, qPrintable(approved.err));
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(team.rowOf(decided), -1, 5000);
    QCOMPARE(team.queue()->rowCount(), 3);

    // And what another desktop commits from now on arrives as before.
    const QString next = team.idAt(0);
    QVERIFY(team.approve(next).status == 0);
    QTRY_COMPARE_WITH_TIMEOUT(team.rowOf(next), -1, 2000);
    team.close();
}

void TeamModeTest::theConnectDialogSaysWhyAndChangesNothing()
{
    TeamWindow team;
    const QString failed = team.open();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QSignalSpy switches(&team.window(), &MainWindow::databaseSwitchRequested);
    const QVariant rememberedBefore = team.settings().value(Settings::Key::TeamDatabase);

    team.window().findChild<QAction *>(u"connectTeamDatabaseAction"_s)->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = team.window().findChild<QDialog *>(u"connectDialog"_s)) && dialog->isVisible());
    auto *host = dialog->findChild<QLineEdit *>(u"hostEdit"_s);
    auto *port = dialog->findChild<QSpinBox *>(u"portSpinBox"_s);
    auto *database = dialog->findChild<QLineEdit *>(u"databaseEdit"_s);
    auto *user = dialog->findChild<QLineEdit *>(u"userEdit"_s);
    auto *tls = dialog->findChild<QComboBox *>(u"sslModeCombo"_s);
    auto *status = dialog->findChild<QLabel *>(u"connectionStatusLabel"_s);
    auto *test = dialog->findChild<QPushButton *>(u"testConnectionButton"_s);
    auto *connectButton = dialog->findChild<QPushButton *>(u"connectButton"_s);
    QVERIFY(host && port && database && user && tls && status && test && connectButton);
    // It starts from the database the window is on.
    QCOMPARE(host->text(), team.url().host);
    QCOMPARE(port->value(), team.url().port);

    // Nobody listens there: the reason is shown, the window stays where it is.
    port->setValue(team.url().port == 1 ? 2 : 1);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled() && !status->text().contains(u"Connecting"_s), 15000);
    QVERIFY2(status->text().contains(u"cannot connect to the team database"_s), qPrintable(status->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(switches.count(), 0);
    QCOMPARE(team.settings().value(Settings::Key::TeamDatabase), rememberedBefore);

    // A login the server does not know: its own words.
    port->setValue(team.url().port);
    database->setText(team.url().databaseName);
    user->setText(u"nobody.here"_s);
    tls->setCurrentIndex(tls->findData(u"disable"_s));
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(test->isEnabled() && !status->text().contains(u"Connecting"_s), 15000);
    QVERIFY2(status->text().contains(u"nobody.here"_s) && status->text().contains(u"does not exist"_s),
             qPrintable(status->text()));
    QCOMPARE(switches.count(), 0);

    // A person's login: Test connection says what it found, and still changes nothing.
    user->setText(testing::Users::Owner);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"schema version"_s), 15000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(switches.count(), 0);
    QCOMPARE(team.settings().value(Settings::Key::TeamDatabase), rememberedBefore);

    // Connect asks the window's owner to switch, and remembers the place without password.
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(switches.count(), 1, 15000);
    const auto chosen = switches.constFirst().at(0).value<DatabaseUrl>();
    QCOMPARE(chosen.user, testing::Users::Owner);
    QCOMPARE(chosen.databaseName, team.url().databaseName);
    QCOMPARE(chosen.sslMode, u"disable"_s);
    QCOMPARE(team.settings().value(Settings::Key::TeamDatabase).toString(), chosen.toString());
    QVERIFY(!team.settings().value(Settings::Key::TeamDatabase).toString().contains(u"password"_s));
}

QTEST_MAIN(TeamModeTest)
#include "tst_teammode.moc"
