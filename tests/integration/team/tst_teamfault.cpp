// SPEC sections 2 and 8, rule 7's "never a half-applied change", when the server goes
// away: steward-cli approves a batch on a PostgreSQL server of this test's own, and the
// server is shut down while one decision is half done (its entity written, its events
// not yet). After the server is back, every request is either wholly approved or wholly
// untouched, and the command said which for each.

#include "TeamWorkload.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;
using namespace steward::testing::team;

namespace {

constexpr int kRequests = 200;
constexpr int kAbout = 120; // the decision the server is stopped in: the first update from here on

// The events' lock steward_number_event takes for a tenant (sql/postgresql/migrations/0006-team.sql).
const QString kEventLockKey = u"steward_events:"_s;

} // namespace

class TeamFaultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aServerStoppedMidDecisionLeavesEveryRequestWholeOrUntouched();

private:
    Run server(const QStringList &arguments) const { return runProgram(m_script, arguments, {}, 120000); }

    QString m_script;
    QString m_port;
    QString m_dir;
};

void TeamFaultTest::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    m_script = qEnvironmentVariable("STEWARD_TEST_SERVER_SCRIPT");
    m_port = qEnvironmentVariable("STEWARD_TEST_FAULT_POSTGRES_PORT");
    // In the build tree, which the server's own user may enter (a temporary folder is private).
    m_dir = qEnvironmentVariable("STEWARD_TEST_FAULT_POSTGRES_DIR");
    QVERIFY2(!m_script.isEmpty() && !m_port.isEmpty() && !m_dir.isEmpty(),
             qPrintable(u"STEWARD_TEST_SERVER_SCRIPT, STEWARD_TEST_FAULT_POSTGRES_PORT and "
                        u"STEWARD_TEST_FAULT_POSTGRES_DIR name the server this test starts; "_s +
                        installHint()));
}

void TeamFaultTest::aServerStoppedMidDecisionLeavesEveryRequestWholeOrUntouched()
{
    QElapsedTimer total;
    total.start();
    const Run started = server({u"start"_s, m_dir, m_port, cliPath()});
    QVERIFY2(started.status == 0, qPrintable(u"could not start a PostgreSQL server of this test's own: "_s +
                                             started.err + u"; "_s + installHint()));
    const auto stopServer = qScopeGuard([this] { server({u"stop"_s, m_dir}); });
    const qint64 serverStartMs = total.elapsed();

    TestDatabase database;
    {
        const QByteArray shared = qgetenv("STEWARD_TEST_POSTGRES");
        qputenv("STEWARD_TEST_POSTGRES", started.out.trimmed().section(u'\n', -1).toUtf8());
        const QString missing = setUpTeamDatabase(database);
        qputenv("STEWARD_TEST_POSTGRES", shared);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }
    const auto planned = submitWorkload(database, kRequests, u"fault"_s);
    STEWARD_VERIFY_OK(planned);
    int about = kAbout;
    while (!planned.value().at(about).update)
        ++about;
    const Planned &halfDone = planned.value().at(about);
    QList<QUuid> ids;
    for (const Planned &request : planned.value())
        ids.append(request.id);

    // The schema's owner holds the request the batch reaches at `about`, so the command
    // waits there; a superuser watches what its session waits for.
    PlainConnection holder(urlAs(database, u"steward_owner"_s), u"steward_owner"_s);
    PlainConnection eventLock(urlAs(database, u"steward_owner"_s), u"steward_owner"_s);
    PlainConnection watcher(urlAs(database, u"postgres"_s), u"postgres"_s);
    QVERIFY2(holder.isOpen() && eventLock.isOpen() && watcher.isOpen(),
             qPrintable(holder.openError() + eventLock.openError() + watcher.openError()));
    QVERIFY(holder.run(u"BEGIN"_s).ok);
    const Outcome held = holder.run(u"SELECT id FROM mdm_approval WHERE id = ? FOR UPDATE"_s, {uuidText(halfDone.id)});
    QVERIFY2(held.ok && held.rows.size() == 1, qPrintable(held.describe()));
    auto waitsOn = [&](const QString &waitEvent) {
        const Outcome waiting =
            watcher.run(u"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = ? "
                        u"AND wait_event_type = 'Lock' AND wait_event = ?"_s,
                        {Users::Steward, waitEvent});
        return waiting.ok && waiting.value().toInt() == 1;
    };

    DecidingProcess batch(database, Users::Steward, {u"approve"_s, u"-"_s});
    QVERIFY2(batch.started(), "steward-cli did not start");
    QElapsedTimer decided;
    decided.start();
    batch.feed(ids);
    // Waiting for the held request (a row lock waits on the holder's transaction id).
    QVERIFY2(QTest::qWaitFor([&] { return batch.lines().size() == about && waitsOn(u"transactionid"_s); }, 30000),
             qPrintable(u"the batch did not reach request %1 (%2 lines): %3"_s.arg(about)
                            .arg(batch.lines().size())
                            .arg(batch.lines().join(u'\n'))));

    // Now the events' lock is taken and the request let go: the decision writes its
    // entity and its status, then waits to write its first event.
    const Outcome locked = eventLock.run(u"SELECT pg_advisory_lock(hashtextextended(? || ?, 0))"_s,
                                         {kEventLockKey, uuidText(TestDatabase::tenantId())});
    QVERIFY2(locked.ok, qPrintable(locked.describe()));
    QVERIFY(holder.run(u"ROLLBACK"_s).ok);
    QVERIFY2(QTest::qWaitFor([&] { return waitsOn(u"advisory"_s); }, 10000),
             "the decision did not come to wait for the events' lock");
    // Its entity is written, uncommitted: the row is locked by the command's transaction.
    const Outcome entityBusy =
        holder.run(u"SELECT id FROM %1 WHERE tenant_id = ? AND canonical_key = ? FOR UPDATE NOWAIT"_s.arg(
                       entityTable(halfDone.type)),
                   {uuidText(TestDatabase::tenantId()), halfDone.key});
    QVERIFY2(!entityBusy.ok && entityBusy.state == u"55P03"_s,
             qPrintable(u"the half-done decision has not written its entity yet: "_s + entityBusy.describe()));

    // The server goes away (a fast shutdown ends every session), and comes back.
    QElapsedTimer outage;
    outage.start();
    const Run halted = server({u"halt"_s, m_dir});
    QVERIFY2(halted.status == 0, qPrintable(halted.err));
    QVERIFY2(QTest::qWaitFor([&] { return batch.hasFinished(); }, 30000), "steward-cli did not finish");
    QVERIFY(batch.finish(1000));
    const qint64 batchMs = decided.elapsed();
    const Run resumed = server({u"resume"_s, m_dir, m_port});
    QVERIFY2(resumed.status == 0, qPrintable(resumed.err));
    const qint64 outageMs = outage.elapsed();

    // What the command said: one line per request, decided up to the half-done one, and
    // for it and every later one that the team database is not reachable.
    const QStringList lines = batch.lines();
    QCOMPARE(lines.size(), kRequests);
    const int refused = kRequests - about;
    QCOMPARE(batch.exitStatus(), 6);
    QCOMPARE(batch.err().trimmed(), u"steward-cli: %1 of %2 requests were not approved"_s.arg(refused).arg(kRequests));
    for (int i = 0; i < kRequests; ++i) {
        const QString id = uuidText(ids.at(i));
        const QString line = lines.at(i);
        if (i < about)
            QVERIFY2(line.startsWith(u"Approved %1: "_s.arg(id)) && line.endsWith(u", as sam.steward."_s),
                     qPrintable(line));
        else
            QVERIFY2(line.startsWith(u"Not approved %1: the team database is not reachable"_s.arg(id)),
                     qPrintable(line));
    }

    // What the database holds, read through a new connection once it is back.
    auto owner = Database::open(urlAs(database, u"steward_owner"_s));
    STEWARD_VERIFY_OK(owner);
    auto stored = readStored(*owner.value(), planned.value());
    STEWARD_VERIFY_OK(stored);
    for (int i = 0; i < kRequests; ++i) {
        const Planned &request = planned.value().at(i);
        const QString problem = i < about
                                    ? checkFullyApproved(request, stored.value().value(request.id), {Users::Steward})
                                    : checkUntouched(request, stored.value().value(request.id));
        QVERIFY2(problem.isEmpty(), qPrintable(u"request %1 (%2)%3: %4"_s.arg(i).arg(
                                        request.key, i == about ? u", the half-done one"_s : QString(), problem)));
    }
    qInfo("a batch of %d stopped by a server shutdown in decision %d: %d approved whole, %d untouched; server "
          "start %s, batch %s, shutdown and restart %s, test %s",
          kRequests, about + 1, about, refused, qPrintable(seconds(serverStartMs)), qPrintable(seconds(batchMs)),
          qPrintable(seconds(outageMs)), qPrintable(seconds(total.elapsed())));
}

QTEST_GUILESS_MAIN(TeamFaultTest)
#include "tst_teamfault.moc"
