// Team mode in the real main window, offscreen, on a real PostgreSQL server: what another
// desktop (here steward-cli, a process of its own) commits reaches this window's queue
// within a second without polling; a server that goes away and comes back shows a banner,
// refuses decisions meanwhile and misses no event; the connect dialog says why a database
// does not answer and changes nothing then.

#include "AppContext.h"
#include "ApprovalQueueModel.h"
#include "MainWindow.h"
#include "Session.h"
#include "Settings.h"
#include "demo/DemoCatalog.h"
#include "events/EventBus.h"
#include "store/Database.h"
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
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

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

QByteArray fieldRequest(const QString &column)
{
    const QString key = u"finance.journal_lines."_s + column;
    return u"{\"entityType\":\"GLOBAL_METADATA\",\"entityId\":null,\"entityKey\":\"%1\",\"tier\":\"tier3\","
           u"\"lane\":\"governed\",\"requiredRole\":\"metadata_steward\",\"payload\":{\"canonicalKey\":\"%1\","
           u"\"label\":\"Team %2\",\"dataType\":\"DECIMAL\",\"format\":\"18,2\",\"tier\":\"tier3\",\"binding\":"
           u"{\"source\":\"warehouse\",\"schema\":\"finance\",\"table\":\"journal_lines\",\"column\":\"%2\"}}}"_s
        .arg(key, column)
        .toUtf8();
}

// A team database of its own on a test server, its directory filled by init-demo's
// people, and the main window on it as amara.okafor, composed the way main() does.
class TeamWindow
{
public:
    ~TeamWindow() { close(); }

    // `server`: the migrated template on a test server (tests/postgres/test-server.sh).
    QString open(const DatabaseUrl &server)
    {
        DatabaseUrl admin = server;
        admin.user = u"postgres"_s;
        admin.databaseName = u"postgres"_s;
        auto adminConnection = Database::open(admin);
        if (!adminConnection)
            return u"the test PostgreSQL server is not running (%1); run the tests through ctest, which starts it "
                   u"(apt-get install postgresql libqt6sql6-psql)"_s.arg(adminConnection.error().text());
        m_admin = std::move(adminConnection.value());
        m_url = server;
        m_url.databaseName = u"steward_ui_"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
        Result<QSqlQuery> created = Error::make(ErrorCode::Unavailable, u"not tried"_s);
        for (int attempt = 0; attempt < 100; ++attempt) {
            created = m_admin->run(u"CREATE DATABASE \"%1\" TEMPLATE \"%2\" OWNER steward_owner"_s.arg(
                m_url.databaseName, server.databaseName));
            if (created || !created.error().message.contains(u"being accessed by other users"_s))
                break;
            QThread::msleep(50);
        }
        if (!created)
            return created.error().text();
        // The directory of the demo (init-demo as the owner creates the people and their
        // roles before it stops at deciding on PostgreSQL); requests come from steward-cli.
        (void)runProcess(cliPath(), {u"--db"_s, as(u"steward_owner"_s), u"init-demo"_s});
        for (const QString &column : {u"tax_amount"_s, u"net_amount"_s, u"gross_amount"_s, u"fx_rate"_s}) {
            const Run submitted = submit(column);
            if (submitted.status != 0)
                return u"submit failed: "_s + submitted.err;
        }
        DatabaseUrl person = m_url;
        person.user = u"amara.okafor"_s;
        auto context = AppContext::open(person, demo::northwindTenantId());
        if (!context)
            return context.error().text();
        m_context = std::move(context.value());
        m_settings = std::make_unique<Settings>(m_dir.filePath(u"settings.ini"_s));
        m_window = std::make_unique<MainWindow>(m_context->services(), m_context->session(), *m_settings);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return u"the window was never shown"_s;
        return {};
    }

    void close()
    {
        m_window.reset();
        m_context.reset();
        m_settings.reset();
        if (m_admin && !m_url.databaseName.isEmpty())
            (void)m_admin->run(u"DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)"_s.arg(m_url.databaseName));
        m_admin.reset();
    }

    // The database URI as `login` would connect.
    QString as(const QString &login) const
    {
        DatabaseUrl url = m_url;
        url.user = login;
        return url.toString();
    }
    Run submit(const QString &column) const
    {
        return runProcess(cliPath(), {u"--db"_s, as(u"raj.patel"_s), u"submit"_s, u"-"_s}, fieldRequest(column));
    }
    Run approve(const QString &approvalId) const
    {
        return runProcess(cliPath(), {u"--db"_s, as(u"jonas.weber"_s), u"approve"_s, approvalId});
    }

    template <typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget named %s", qPrintable(name));
        return widget;
    }
    ApprovalQueueModel *queue() const
    {
        return qobject_cast<ApprovalQueueModel *>(child<QTableView>(u"queueView"_s)->model());
    }
    QString idAt(int row) const { return uuidText(queue()->index(row, 0).data(ApprovalQueueModel::ApprovalIdRole).toUuid()); }
    int rowOf(const QString &id) const { return queue()->loadedRowOf(QUuid::fromString(id)); }
    TeamConnection &team() const { return *m_context->services().team; }
    MainWindow &window() const { return *m_window; }
    AppContext &context() const { return *m_context; }
    Settings &settings() const { return *m_settings; }
    const DatabaseUrl &url() const { return m_url; }

private:
    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

DatabaseUrl sharedServer()
{
    auto url = DatabaseUrl::parse(qEnvironmentVariable("STEWARD_TEST_POSTGRES"));
    if (!url)
        qFatal("STEWARD_TEST_POSTGRES names the test server's template; run the test through ctest");
    return url.value();
}

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
    const QString failed = team.open(sharedServer());
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QTRY_VERIFY_WITH_TIMEOUT(team.team().isConnected(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(team.queue()->rowCount(), 4, 10000);

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
            seen = seen || audit->index(row, column).data().toString().contains(u"jonas.weber"_s);
    }
    QVERIFY2(seen, "the audit trail does not show jonas.weber's decision");
}

void TeamModeTest::thisDesktopsDecisionReachesTheBusOnce()
{
    TeamWindow team;
    const QString failed = team.open(sharedServer());
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QTRY_VERIFY_WITH_TIMEOUT(team.team().isConnected(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(team.queue()->rowCount(), 4, 10000);

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
    auto server = DatabaseUrl::parse(started.out.section(u'\n', -1));
    QVERIFY2(server, qPrintable(started.out));

    TeamWindow team;
    const QString failed = team.open(server.value());
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    QTRY_VERIFY_WITH_TIMEOUT(team.team().isConnected(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(team.queue()->rowCount(), 4, 10000);
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
    const QString failed = team.open(sharedServer());
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
    user->setText(u"lena.fischer"_s);
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"schema version"_s), 15000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(switches.count(), 0);
    QCOMPARE(team.settings().value(Settings::Key::TeamDatabase), rememberedBefore);

    // Connect asks the window's owner to switch, and remembers the place without password.
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(switches.count(), 1, 15000);
    const auto chosen = switches.constFirst().at(0).value<DatabaseUrl>();
    QCOMPARE(chosen.user, u"lena.fischer"_s);
    QCOMPARE(chosen.databaseName, team.url().databaseName);
    QCOMPARE(chosen.sslMode, u"disable"_s);
    QCOMPARE(team.settings().value(Settings::Key::TeamDatabase).toString(), chosen.toString());
    QVERIFY(!team.settings().value(Settings::Key::TeamDatabase).toString().contains(u"password"_s));
}

QTEST_MAIN(TeamModeTest)
#include "tst_teammode.moc"
