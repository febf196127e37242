// SPEC section 2, rule 7, on a real PostgreSQL server: two stewards, each in a steward-cli
// process of their own and signed in through their own login, decide the same queue at
// the same time. Every request is decided exactly once, the loser of each race is told
// who won and when, and no change or event is applied twice.

#include "TeamWorkload.h"
#include "store/AuditTrail.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;
using namespace steward::testing::team;

namespace {

constexpr qsizetype kShuffleRun = 4;

// What one process said about one request.
struct Said
{
    bool decided = false;
    QString decider; // "as X" of a decided line
    QString reason;  // a refusal's reason
};

// Parses a batch's output: one line per request, "<Verb> <id>: ..., as <login>." when the
// process decided it, "Not <verb> <id>: <reason>" when not. Fails on anything else.
QString parseBatch(const QStringList &lines, const QString &verb, QHash<QUuid, Said> &said)
{
    const QRegularExpression decided(u"^%1 ([0-9a-f-]{36}): .*, as ([^ ]+?)\\.(?: Reason: .*)?$"_s.arg(verb));
    const QRegularExpression refused(u"^Not %1 ([0-9a-f-]{36}): (.*)$"_s.arg(verb.toLower()));
    for (const QString &line : lines) {
        const QRegularExpressionMatch won = decided.match(line);
        const QRegularExpressionMatch lost = refused.match(line);
        const QRegularExpressionMatch &match = won.hasMatch() ? won : lost;
        if (!match.hasMatch())
            return u"unexpected line: "_s + line;
        const QUuid id = QUuid::fromString(match.captured(1));
        if (said.contains(id))
            return u"a second line for %1: %2"_s.arg(match.captured(1), line);
        said.insert(id, won.hasMatch() ? Said{true, won.captured(2), {}} : Said{false, {}, lost.captured(2)});
    }
    return {};
}

} // namespace

class TeamRaceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoStewardsApproveTheSameThousandRequestsOnceEach();
    void twoStewardsRejectTheSameRequestsOnceEach();

private:
    // Runs `command` in one process per steward on the same ids (the second in an order
    // shuffled within runs), started first and fed the ids together; returns each
    // process's verdicts.
    void race(const QList<QUuid> &ids, const QStringList &command, const QString &verb, QList<QHash<QUuid, Said>> &said,
              qint64 &elapsedMs);
    // Only races the database judged prove its lock; a test where the slower process only
    // ever found finished work would pass without it. Checked last, after the outcome.
    void verifyTheDatabaseJudgedRaces(qint64 enough);
    void verifyTheAuditChainHolds(TestDatabase &database);
    // Exactly one process decided the request, the one the database names, and the other
    // says who beat it and when; counts the win. Returns what is wrong, or nothing.
    QString checkOneWinner(const Stored &row, const QUuid &id, const QString &verb,
                           const QList<QHash<QUuid, Said>> &said, QList<int> &won) const;
    void reportRace(const QString &verb, qsizetype requests, qint64 elapsedMs, const QList<int> &won) const;

    // Transactions rolled back in the test database so far: a race the database decided
    // (both processes found the request pending, one waited for the other's lock and was
    // refused) is one, while a request found decided before calling it rolls back none.
    qint64 rolledBack() const;

    const QStringList m_stewards{Users::Steward, Users::OtherSteward};
    TestDatabase *m_database = nullptr; // the current test's
    qint64 m_rolledBackBefore = 0;      // before the last race
    qint64 m_databaseRaces = 0;         // of the last race
};

void TeamRaceTest::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
}

qint64 TeamRaceTest::rolledBack() const
{
    // The processes have ended, and a backend reports its statistics when it ends.
    const QVariant count =
        m_database->scalar(u"SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()"_s);
    return count.isValid() ? count.toLongLong() : -1;
}

void TeamRaceTest::verifyTheDatabaseJudgedRaces(qint64 enough)
{
    QTRY_VERIFY_WITH_TIMEOUT((m_databaseRaces = rolledBack() - m_rolledBackBefore) >= enough, 5000);
}

// Both processes wrote events at once: the tenant's audit chain has no fork, and the
// program's own verification agrees with the hashes the trigger wrote.
void TeamRaceTest::verifyTheAuditChainHolds(TestDatabase &database)
{
    auto chain = AuditTrail(database.fixture()).verify(TestDatabase::tenantId());
    STEWARD_VERIFY_OK(chain);
    QVERIFY2(chain.value().verified(), qPrintable(chain.value().statement()));
    QCOMPARE(chain.value().checked, database.scalar(u"SELECT COUNT(*) FROM mdm_event WHERE tenant_id = ?"_s,
                                                    {uuidText(TestDatabase::tenantId())})
                                        .toLongLong());
}

QString TeamRaceTest::checkOneWinner(const Stored &row, const QUuid &id, const QString &verb,
                                     const QList<QHash<QUuid, Said>> &said, QList<int> &won) const
{
    const int winner = m_stewards.indexOf(row.decidedBy);
    if (winner < 0)
        return u"decided by %1, who was not racing"_s.arg(row.decidedBy);
    ++won[winner];
    const Said &mine = said.at(winner).value(id);
    if (!mine.decided || mine.decider != row.decidedBy)
        return u"%1 decided it but did not say so"_s.arg(row.decidedBy);
    const Said &lost = said.at(1 - winner).value(id);
    if (lost.decided)
        return u"both stewards say they %1 it"_s.arg(verb.toLower());
    const QString expected = u"already %1 by %2 at %3"_s.arg(verb.toLower(), row.decidedBy, row.decidedAt);
    if (lost.reason != expected)
        return u"the loser said \"%1\", not \"%2\""_s.arg(lost.reason, expected);
    return {};
}

void TeamRaceTest::reportRace(const QString &verb, qsizetype requests, qint64 elapsedMs, const QList<int> &won) const
{
    qInfo("%lld requests %s by two steward-cli processes in %s: %s won %d, %s won %d; %lld races judged by the "
          "database under its lock",
          qlonglong(requests), qPrintable(verb.toLower()), qPrintable(seconds(elapsedMs)),
          qPrintable(m_stewards.at(0)), won.at(0), qPrintable(m_stewards.at(1)), won.at(1), m_databaseRaces);
}

void TeamRaceTest::race(const QList<QUuid> &ids, const QStringList &command, const QString &verb,
                        QList<QHash<QUuid, Said>> &said, qint64 &elapsedMs)
{
    // Shuffled within runs of four: both processes work on the same few requests at any
    // moment, in different orders, so most requests are raced for in the database rather
    // than found already decided by the slower process.
    QList<QUuid> shuffled = ids;
    for (qsizetype from = 0; from < shuffled.size(); from += kShuffleRun)
        std::shuffle(shuffled.begin() + from, shuffled.begin() + std::min(from + kShuffleRun, shuffled.size()),
                     *QRandomGenerator::global());

    std::vector<std::unique_ptr<DecidingProcess>> processes;
    for (const QString &login : m_stewards)
        processes.push_back(std::make_unique<DecidingProcess>(*m_database, login, command));
    for (auto &process : processes)
        QVERIFY2(process->started(), qPrintable(u"steward-cli did not start for "_s + process->login()));

    const qint64 rolledBackBefore = rolledBack();
    QElapsedTimer timer;
    timer.start();
    processes.at(0)->feed(ids);
    processes.at(1)->feed(shuffled);
    // Both drained together, so neither waits on a full pipe while the other runs.
    QVERIFY2(QTest::qWaitFor([&] { return processes.at(0)->hasFinished() && processes.at(1)->hasFinished(); }, 120000),
             "the steward-cli processes did not finish within two minutes");
    elapsedMs = timer.elapsed();
    for (auto &process : processes)
        QVERIFY(process->finish(1000));
    m_rolledBackBefore = rolledBackBefore;

    for (auto &process : processes) {
        QHash<QUuid, Said> verdicts;
        const QString unparsed = parseBatch(process->lines(), verb, verdicts);
        QVERIFY2(unparsed.isEmpty(), qPrintable(process->login() + u": "_s + unparsed + u"\n"_s + process->err()));
        QCOMPARE(verdicts.size(), ids.size());
        for (const QUuid &id : ids)
            QVERIFY2(verdicts.contains(id),
                     qPrintable(u"%1 printed nothing for %2"_s.arg(process->login(), uuidText(id))));
        const qsizetype lost =
            std::count_if(verdicts.cbegin(), verdicts.cend(), [](const Said &s) { return !s.decided; });
        // A process that lost any race says how many and exits as for a conflict (5).
        if (lost > 0) {
            QCOMPARE(process->exitStatus(), 5);
            QCOMPARE(process->err().trimmed(),
                     u"steward-cli: %1 of %2 requests were not %3"_s.arg(lost).arg(ids.size()).arg(verb.toLower()));
        } else {
            QCOMPARE(process->exitStatus(), 0);
            QCOMPARE(process->err(), QString());
        }
        said.append(verdicts);
    }
}

void TeamRaceTest::twoStewardsApproveTheSameThousandRequestsOnceEach()
{
    TestDatabase database;
    const QString missing = setUpTeamDatabase(database);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    m_database = &database;
    const auto clearDatabase = qScopeGuard([this] { m_database = nullptr; });

    QElapsedTimer setUp;
    setUp.start();
    const auto planned = submitWorkload(database, 1000, u"race"_s);
    STEWARD_VERIFY_OK(planned);
    qInfo("submitted 1000 requests by %s in %s", qPrintable(Users::Owner), qPrintable(seconds(setUp.elapsed())));
    QList<QUuid> ids;
    for (const Planned &request : planned.value())
        ids.append(request.id);

    QList<QHash<QUuid, Said>> said;
    qint64 elapsedMs = 0;
    race(ids, {u"approve"_s, u"-"_s}, u"Approved"_s, said, elapsedMs);
    if (QTest::currentTestFailed())
        return;

    auto stored = readStored(database.fixture(), planned.value());
    STEWARD_VERIFY_OK(stored);
    QList<int> won{0, 0};
    for (const Planned &request : planned.value()) {
        const Stored &row = stored.value().value(request.id);
        const QString problem = checkFullyApproved(request, row, m_stewards);
        QVERIFY2(problem.isEmpty(), qPrintable(u"%1 (%2): %3"_s.arg(uuidText(request.id), request.key, problem)));
        const QString race = checkOneWinner(row, request.id, u"Approved"_s, said, won);
        QVERIFY2(race.isEmpty(), qPrintable(u"%1: %2"_s.arg(uuidText(request.id), race)));
    }
    QCOMPARE(won.at(0) + won.at(1), 1000);
    verifyTheAuditChainHolds(database);
    verifyTheDatabaseJudgedRaces(20);
    reportRace(u"Approved"_s, ids.size(), elapsedMs, won);
}

void TeamRaceTest::twoStewardsRejectTheSameRequestsOnceEach()
{
    TestDatabase database;
    const QString missing = setUpTeamDatabase(database);
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    m_database = &database;
    const auto clearDatabase = qScopeGuard([this] { m_database = nullptr; });

    const auto planned = submitWorkload(database, 200, u"refuse"_s);
    STEWARD_VERIFY_OK(planned);
    QList<QUuid> ids;
    for (const Planned &request : planned.value())
        ids.append(request.id);

    QList<QHash<QUuid, Said>> said;
    qint64 elapsedMs = 0;
    race(ids, {u"reject"_s, u"-"_s, u"--reason"_s, u"Out of scope for this quarter"_s}, u"Rejected"_s, said, elapsedMs);
    if (QTest::currentTestFailed())
        return;

    // A rejection has no entity to guard it: only the request's lock keeps it single.
    auto stored = readStored(database.fixture(), planned.value());
    STEWARD_VERIFY_OK(stored);
    QList<int> won{0, 0};
    for (const Planned &request : planned.value()) {
        const Stored &row = stored.value().value(request.id);
        QCOMPARE(row.status, u"rejected"_s);
        QCOMPARE(row.events, (QStringList{u"approval.requested"_s, u"approval.rejected"_s}));
        QCOMPARE(row.eventActors.constLast(), row.decidedBy);
        const QString race = checkOneWinner(row, request.id, u"Rejected"_s, said, won);
        QVERIFY2(race.isEmpty(), qPrintable(u"%1: %2"_s.arg(uuidText(request.id), race)));
        if (request.update)
            QCOMPARE(row.entityVersion, std::optional<qint64>(request.baseVersion));
        else
            QVERIFY(!row.entityVersion);
    }
    QCOMPARE(won.at(0) + won.at(1), 200);
    verifyTheAuditChainHolds(database);
    verifyTheDatabaseJudgedRaces(5);
    reportRace(u"Rejected"_s, ids.size(), elapsedMs, won);
}

QTEST_GUILESS_MAIN(TeamRaceTest)
#include "tst_teamrace.moc"
