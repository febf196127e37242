// kill -9 at random points: the real steward-cli approving, profiling and exporting
// reports on one demo database is killed mid-way, again and again. After every kill the
// file must pass SQLite's integrity check and hold every change whole or not at all
// (SPEC section 4: a change and its events are written in one transaction): a request
// decided with its entity and all its events, or untouched; a profile run's row with its
// events; a report destination either as it was or complete, never a partial file.
//
// The kill points come from a seeded generator; the seed is printed, and
// STEWARD_CRASH_SEED=<number> replays a run.

#include "DecisionExpectations.h"
#include "FaultTesting.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace steward::testing;

namespace {

constexpr quint32 kDefaultSeed = 20261205;
constexpr int kApprovalKills = 40;
constexpr int kProfileKills = 30;
constexpr int kReportKills = 40;

const QString kNorthwind = u"Northwind Finance"_s;

// What the runs of one kind came to.
struct Tally
{
    int kills = 0;          // the child was running when SIGKILL hit it
    int finishedFirst = 0;  // the child ended before its kill point (not counted as a kill)
    int applied = 0;        // the change was found whole after the kill
    int untouched = 0;      // nothing of it was found
    int halfApplied = 0;    // anything in between: must stay 0
    int integrityFailures = 0;
};

// A pending request chosen to be decided, with everything needed to judge the outcome.
struct Candidate
{
    QString id;
    QString entityType;
    QString entityKey;
    QString tier;
    QString decider;
    bool reject = false;
};

// The entity a request targets as it is now: whether it exists, its version and row.
struct EntityState
{
    bool exists = false;
    qint64 version = 0;
    QString row; // every column, as text

    bool operator==(const EntityState &other) const
    {
        return exists == other.exists && version == other.version && row == other.row;
    }
};

struct ReportSpec
{
    QString kind;
    QString format;
};

} // namespace

class CrashConsistencyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvalsAreWholeOrUntouched();
    void profileRunsKeepTheirEvents();
    void reportDestinationsAreNeverPartial();
    void cleanupTestCase();

private:
    // Starts steward-cli, kills it after a random part of `typicalMs`; true when it was
    // killed (false: it ended first). `typicalMs` is how long an undisturbed run takes.
    bool runAndKill(const QStringList &arguments, qint64 typicalMs, Tally &tally);
    // How long an undisturbed run takes, -1 when it fails (said unless `quiet`).
    qint64 timedRun(const QStringList &arguments, bool quiet = false);
    EntityState entityState(const DatabaseFile &file, const QString &entityType, const QString &key) const;
    QStringList eventTypes(const DatabaseFile &file, const QString &correlationId) const;
    bool integrityHolds(Tally &tally);
    QList<Candidate> decidableRequests();

    QTemporaryDir m_dir;
    QString m_database;
    QString m_tenantId;
    quint32 m_seed = kDefaultSeed;
    QRandomGenerator m_random;
    Tally m_approvals;
    Tally m_profiles;
    Tally m_reports;
    int m_leftoverTemporaryFiles = 0;
};

void CrashConsistencyTest::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    QVERIFY2(QFileInfo(cliPath()).isExecutable(), qPrintable(cliPath()));
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("STEWARD_CRASH_SEED")) {
        bool ok = false;
        m_seed = qEnvironmentVariable("STEWARD_CRASH_SEED").toUInt(&ok);
        QVERIFY2(ok, "STEWARD_CRASH_SEED must be a number");
    }
    m_random.seed(m_seed);
    qInfo("crash seed %u (replay with STEWARD_CRASH_SEED=%u)", m_seed, m_seed);

    m_database = m_dir.filePath(u"steward.db"_s);
    const CliRun demo = runCli(m_database, {u"init-demo"_s}, m_dir.path());
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    DatabaseFile file(m_database);
    QVERIFY2(file.isOpen(), qPrintable(file.errorText()));
    m_tenantId = file.value(u"SELECT id FROM mdm_tenant WHERE name = ?"_s, {kNorthwind}).toString();
    QVERIFY(!m_tenantId.isEmpty());
    QCOMPARE(file.integrity(), u"ok"_s);
}

qint64 CrashConsistencyTest::timedRun(const QStringList &arguments, bool quiet)
{
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(m_database, arguments, m_dir.path());
    if (run.exitCode != 0 && !quiet)
        qWarning("undisturbed run %s failed: %s", qPrintable(arguments.join(u' ')), qPrintable(run.err));
    return run.exitCode == 0 ? timer.elapsed() : -1;
}

bool CrashConsistencyTest::runAndKill(const QStringList &arguments, qint64 typicalMs, Tally &tally)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(m_dir.path()));
    process.setProcessChannelMode(QProcess::MergedChannels);
    const int delay = int(m_random.bounded(quint32(std::max<qint64>(typicalMs, 2))));
    process.start(cliPath(), QStringList{u"--db"_s, u"sqlite:"_s + m_database} + arguments);
    if (!process.waitForStarted(10000)) {
        qWarning("cannot start %s: %s", qPrintable(cliPath()), qPrintable(process.errorString()));
        return false;
    }
    if (process.waitForFinished(delay)) {
        ++tally.finishedFirst;
        return false;
    }
    process.kill(); // SIGKILL: no handler, no cleanup, no flush
    process.waitForFinished(30000);
    if (process.exitStatus() != QProcess::CrashExit) {
        ++tally.finishedFirst; // it ended between the wait and the signal
        return false;
    }
    ++tally.kills;
    return true;
}

bool CrashConsistencyTest::integrityHolds(Tally &tally)
{
    DatabaseFile file(m_database);
    const QString integrity = file.isOpen() ? file.integrity() : file.errorText();
    if (integrity == u"ok"_s)
        return true;
    ++tally.integrityFailures;
    qWarning("PRAGMA integrity_check after a kill: %s", qPrintable(integrity));
    return false;
}

EntityState CrashConsistencyTest::entityState(const DatabaseFile &file, const QString &entityType,
                                              const QString &key) const
{
    const auto rows = file.rows(u"SELECT * FROM %1 WHERE tenant_id = ? AND canonical_key = ?"_s.arg(
                                    entityTable(entityType)),
                                {m_tenantId, key});
    EntityState state;
    if (rows.isEmpty())
        return state;
    state.exists = true;
    QStringList columns;
    for (const QVariant &column : rows.constFirst())
        columns.append(column.toString());
    state.row = columns.join(u'\x1f');
    state.version = file.value(u"SELECT version FROM %1 WHERE tenant_id = ? AND canonical_key = ?"_s.arg(
                                   entityTable(entityType)),
                               {m_tenantId, key})
                        .toLongLong();
    return state;
}

QStringList CrashConsistencyTest::eventTypes(const DatabaseFile &file, const QString &correlationId) const
{
    return file.texts(u"SELECT type FROM mdm_event WHERE correlation_id = ? ORDER BY seq"_s, {correlationId});
}

QList<Candidate> CrashConsistencyTest::decidableRequests()
{
    DatabaseFile file(m_database);
    const auto pending = file.rows(u"SELECT id, entity_type, entity_key, tier, required_role, requested_by, "
                                   u"entity_id, base_version FROM mdm_approval "
                                   u"WHERE tenant_id = ? AND status = 'pending' ORDER BY requested_at, id"_s,
                                   {m_tenantId});
    QList<Candidate> candidates;
    QSet<QString> entities; // one request per entity: a second would only be refused as stale
    for (const QVariantList &row : pending) {
        Candidate candidate{row.at(0).toString(), row.at(1).toString(), row.at(2).toString(), row.at(3).toString(),
                            {}, false};
        const QString entity = candidate.entityType + u'/' + candidate.entityKey;
        if (entities.contains(entity))
            continue;
        const EntityState live = entityState(file, candidate.entityType, candidate.entityKey);
        const bool create = row.at(6).isNull();
        if (create ? live.exists : (!live.exists || live.version != row.at(7).toLongLong()))
            continue; // would be refused (key taken, or stale): it proves nothing about crashes
        QStringList deciders = decidersFor(row.at(4).toString());
        deciders.removeAll(row.at(5).toString()); // four-eyes
        if (deciders.isEmpty())
            continue;
        candidate.decider = deciders.at(int(m_random.bounded(quint32(deciders.size()))));
        entities.insert(entity);
        candidates.append(candidate);
    }
    std::shuffle(candidates.begin(), candidates.end(), m_random);
    for (qsizetype i = 0; i < candidates.size(); ++i)
        candidates[i].reject = i % 5 == 4; // every fifth decision a rejection
    return candidates;
}

void CrashConsistencyTest::approvalsAreWholeOrUntouched()
{
    QList<Candidate> candidates = decidableRequests();
    QVERIFY2(candidates.size() > kApprovalKills + 10, qPrintable(u"only %1 decidable requests"_s.arg(candidates.size())));

    // How long one undisturbed approval takes, so the kills land anywhere in it.
    const Candidate first = candidates.takeFirst();
    const qint64 typical = timedRun({u"approve"_s, first.id, u"--user"_s, first.decider});
    QVERIFY2(typical > 0, "an undisturbed approval must succeed");
    qInfo("an approval takes %lld ms undisturbed", typical);

    int attempts = 0;
    while (m_approvals.kills < kApprovalKills && !candidates.isEmpty() && attempts < 4 * kApprovalKills) {
        ++attempts;
        const Candidate request = candidates.takeFirst();
        QStringList beforeEvents;
        EntityState before;
        {
            DatabaseFile file(m_database);
            beforeEvents = eventTypes(file, request.id);
            before = entityState(file, request.entityType, request.entityKey);
        }
        const QString reason = u"crash test %1"_s.arg(attempts);
        const QStringList arguments =
            request.reject ? QStringList{u"reject"_s, request.id, u"--reason"_s, reason, u"--user"_s, request.decider}
                           : QStringList{u"approve"_s, request.id, u"--user"_s, request.decider};
        const bool killed = runAndKill(arguments, typical, m_approvals);

        integrityHolds(m_approvals);
        DatabaseFile file(m_database);
        const auto decision = file.rows(u"SELECT status, decided_by, decided_at, decision_reason FROM mdm_approval "
                                        u"WHERE id = ?"_s,
                                        {request.id});
        QVERIFY2(!decision.isEmpty(), qPrintable(file.lastError()));
        const QString status = decision.constFirst().at(0).toString();
        const QStringList events = eventTypes(file, request.id);
        const EntityState after = entityState(file, request.entityType, request.entityKey);

        QString halfApplied; // what is wrong, empty when the request is whole or untouched
        if (status == u"pending"_s) {
            if (events != beforeEvents)
                halfApplied = u"pending, but events %1"_s.arg(events.join(u", "_s));
            else if (!(after == before))
                halfApplied = u"pending, but the entity changed (version %1 -> %2)"_s.arg(before.version)
                                  .arg(after.version);
            else if (killed)
                ++m_approvals.untouched;
        } else if (status == u"approved"_s && !request.reject) {
            bool fieldExists = false;
            if (request.entityType == u"BUSINESS_RULE"_s)
                fieldExists = file.value(u"SELECT COUNT(*) FROM mdm_global_metadata g JOIN mdm_business_rule r "
                                         u"ON r.tenant_id = g.tenant_id AND r.applies_to = g.canonical_key "
                                         u"WHERE r.tenant_id = ? AND r.canonical_key = ?"_s,
                                         {m_tenantId, request.entityKey})
                                  .toInt() > 0;
            const QStringList expected =
                beforeEvents + approvalEvents(request.entityType, request.tier, fieldExists);
            const qint64 expectedVersion = before.exists ? before.version + 1 : 1;
            if (events != expected)
                halfApplied = u"approved with events %1, expected %2"_s.arg(events.join(u", "_s), expected.join(u", "_s));
            else if (!after.exists || after.version != expectedVersion)
                halfApplied = u"approved, but the entity is at version %1, expected %2"_s.arg(after.version)
                                  .arg(expectedVersion);
            else if (decision.constFirst().at(1).toString() != request.decider || decision.constFirst().at(2).isNull())
                halfApplied = u"approved without decider or time"_s;
            else if (killed)
                ++m_approvals.applied;
        } else if (status == u"rejected"_s && request.reject) {
            if (events != beforeEvents + QStringList{u"approval.rejected"_s})
                halfApplied = u"rejected with events %1"_s.arg(events.join(u", "_s));
            else if (!(after == before))
                halfApplied = u"rejected, but the entity changed"_s;
            else if (decision.constFirst().at(3).toString() != reason)
                halfApplied = u"rejected without its reason"_s;
            else if (killed)
                ++m_approvals.applied;
        } else {
            halfApplied = u"unexpected status %1"_s.arg(status);
        }
        if (!halfApplied.isEmpty()) {
            ++m_approvals.halfApplied;
            qWarning("request %s (%s %s): %s", qPrintable(request.id), qPrintable(request.entityType),
                     qPrintable(request.entityKey), qPrintable(halfApplied));
        }
    }

    // The whole queue, not only the requests aimed at: a decided request has its decision
    // event and a pending one none.
    DatabaseFile file(m_database);
    const int inconsistent =
        file.value(u"SELECT COUNT(*) FROM mdm_approval a WHERE a.tenant_id = ? AND ("
                   u"(a.status = 'pending' AND EXISTS (SELECT 1 FROM mdm_event e WHERE e.correlation_id = a.id "
                   u"  AND e.type IN ('approval.approved', 'approval.rejected', 'approval.cancelled'))) OR "
                   u"(a.status <> 'pending' AND NOT EXISTS (SELECT 1 FROM mdm_event e WHERE e.correlation_id = a.id "
                   u"  AND e.type = 'approval.' || a.status)))"_s,
                   {m_tenantId})
            .toInt();
    m_approvals.halfApplied += inconsistent;

    QVERIFY2(m_approvals.kills >= kApprovalKills,
             qPrintable(u"only %1 kills of %2 attempts"_s.arg(m_approvals.kills).arg(attempts)));
    QCOMPARE(m_approvals.integrityFailures, 0);
    QCOMPARE(m_approvals.halfApplied, 0);
}

void CrashConsistencyTest::profileRunsKeepTheirEvents()
{
    QStringList keys;
    QSet<QString> earlierRuns;
    qint64 startSeq = 0;
    {
        DatabaseFile file(m_database);
        keys = file.texts(u"SELECT canonical_key FROM mdm_global_metadata WHERE tenant_id = ? AND binding IS NOT NULL "
                          u"ORDER BY canonical_key"_s,
                          {m_tenantId});
        const QStringList ids = file.texts(u"SELECT id FROM mdm_profile"_s);
        earlierRuns = QSet<QString>(ids.cbegin(), ids.cend());
        startSeq = file.value(u"SELECT COALESCE(MAX(seq), 0) FROM mdm_event"_s).toLongLong();
    }
    // Fields whose column the warehouse has (the approvals above may have moved some
    // bindings elsewhere): a run that fails at once would only be killed before it starts.
    std::shuffle(keys.begin(), keys.end(), m_random);
    QStringList profiled;
    qint64 typical = 0;
    for (const QString &key : std::as_const(keys)) {
        const qint64 elapsed = timedRun({u"profile"_s, key, u"--now"_s, u"--user"_s, u"jonas.weber"_s}, true);
        if (elapsed < 0)
            continue;
        profiled.append(key);
        typical = std::max(typical, elapsed);
        if (profiled.size() == 6)
            break;
    }
    QVERIFY2(profiled.size() >= 3, qPrintable(u"only %1 fields can be profiled"_s.arg(profiled.size())));
    qInfo("a profile run takes up to %lld ms undisturbed", typical);
    const auto profileArguments = [&profiled, this] {
        return QStringList{u"profile"_s, profiled.at(int(m_random.bounded(quint32(profiled.size())))), u"--now"_s,
                           u"--user"_s, u"jonas.weber"_s};
    };

    const QHash<QString, QString> endEventOf{{u"completed"_s, u"metadata.profile.completed"_s},
                                             {u"failed"_s, u"metadata.profile.failed"_s},
                                             {u"cancelled"_s, u"metadata.profile.cancelled"_s}};
    const auto runCount = [this] { return DatabaseFile(m_database).value(u"SELECT COUNT(*) FROM mdm_profile"_s).toInt(); };
    int attempts = 0;
    while (m_profiles.kills < kProfileKills && attempts < 4 * kProfileKills) {
        ++attempts;
        const int runsBefore = runCount();
        const bool killed = runAndKill(profileArguments(), typical, m_profiles);
        integrityHolds(m_profiles);

        // Every run this test caused: its row with a start and the one end matching its
        // status; every end event with its row.
        DatabaseFile file(m_database);
        const auto runs = file.rows(u"SELECT id, status FROM mdm_profile"_s);
        for (const QVariantList &run : runs) {
            const QString id = run.at(0).toString();
            if (earlierRuns.contains(id))
                continue;
            const QStringList events = eventTypes(file, id);
            const QStringList expected{u"metadata.profile.started"_s, endEventOf.value(run.at(1).toString())};
            if (events != expected) {
                ++m_profiles.halfApplied;
                qWarning("profile run %s (%s) has events %s", qPrintable(id), qPrintable(run.at(1).toString()),
                         qPrintable(events.join(u", "_s)));
                earlierRuns.insert(id); // reported once
            }
        }
        const int orphanEnds =
            file.value(u"SELECT COUNT(*) FROM mdm_event e WHERE e.seq > ? AND e.type IN "
                       u"('metadata.profile.completed', 'metadata.profile.failed', 'metadata.profile.cancelled') "
                       u"AND NOT EXISTS (SELECT 1 FROM mdm_profile p WHERE p.id = e.correlation_id)"_s,
                       {startSeq})
                .toInt();
        if (orphanEnds > 0) {
            qWarning("%d profile end events without their run", orphanEnds);
            m_profiles.halfApplied += orphanEnds;
            startSeq = file.value(u"SELECT COALESCE(MAX(seq), 0) FROM mdm_event"_s).toLongLong(); // reported once
        }
        if (killed)
            ++(runs.size() > runsBefore ? m_profiles.applied : m_profiles.untouched);
    }
    QVERIFY2(m_profiles.kills >= kProfileKills,
             qPrintable(u"only %1 kills of %2 attempts"_s.arg(m_profiles.kills).arg(attempts)));
    QCOMPARE(m_profiles.integrityFailures, 0);
    QCOMPARE(m_profiles.halfApplied, 0);
}

void CrashConsistencyTest::reportDestinationsAreNeverPartial()
{
    const QList<ReportSpec> specs{{u"approvals"_s, u"csv"_s},
                                  {u"approvals"_s, u"json"_s},
                                  {u"quality"_s, u"csv"_s},
                                  {u"quality"_s, u"json"_s}};
    QDir reports(m_dir.filePath(u"reports"_s));
    QVERIFY(QDir().mkpath(reports.path()));
    // Reports long enough to be killed while they are written: the decided requests are
    // copied (new ids) until the approvals report has some 20,000 rows, and every report
    // covers all time.
    {
        DatabaseFile file(m_database);
        for (int round = 0; round < 12; ++round) {
            const int decided = file.value(u"SELECT COUNT(*) FROM mdm_approval WHERE tenant_id = ? AND status <> "
                                           u"'pending'"_s,
                                           {m_tenantId})
                                    .toInt();
            if (decided >= 20000)
                break;
            file.rows(u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_id, entity_key, tier, lane, "
                      u"payload, current_state, status, decision_reason, requested_by, decided_by, requested_at, "
                      u"decided_at, required_role, base_version) "
                      u"SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
                      u"substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || "
                      u"hex(randomblob(6))), tenant_id, entity_type, entity_id, entity_key, tier, lane, payload, "
                      u"current_state, status, decision_reason, requested_by, decided_by, requested_at, decided_at, "
                      u"required_role, base_version FROM mdm_approval WHERE tenant_id = ? AND status <> 'pending'"_s,
                      {m_tenantId});
            QVERIFY2(file.lastError().isEmpty(), qPrintable(file.lastError()));
        }
    }
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const auto reportArguments = [&today](const ReportSpec &spec, const QString &out) {
        return QStringList{u"report"_s, u"--kind"_s, spec.kind, u"--format"_s, spec.format, u"--out"_s, out,
                           u"--from"_s, u"2000-01-01"_s, u"--to"_s, today, u"--user"_s, u"mei.chen"_s};
    };
    // A complete report of each kind, with its generation time blanked: the database does
    // not change while reports are written, so a complete one differs only there.
    static const QRegularExpression timestamp(uR"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?Z?( UTC)?)"_s);
    const auto normalised = [](const QByteArray &bytes) {
        return QString::fromUtf8(bytes).replace(timestamp, u"<time>"_s);
    };
    QList<QByteArray> complete;
    QList<qint64> typical;
    for (const ReportSpec &spec : specs) {
        const QString out = reports.filePath(u"reference-%1.%2"_s.arg(spec.kind, spec.format));
        const qint64 elapsed = timedRun(reportArguments(spec, out));
        QVERIFY2(elapsed > 0, qPrintable(u"an undisturbed %1 %2 report must be written"_s.arg(spec.kind, spec.format)));
        typical.append(elapsed);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        complete.append(file.readAll());
        QVERIFY(complete.constLast().size() > 100);
    }
    qInfo("a report export takes %lld to %lld ms undisturbed", *std::min_element(typical.cbegin(), typical.cend()),
          *std::max_element(typical.cbegin(), typical.cend()));

    int attempts = 0;
    while (m_reports.kills < kReportKills && attempts < 4 * kReportKills) {
        const int which = attempts % specs.size();
        const ReportSpec &spec = specs.at(which);
        // Every other destination holds an earlier complete report that must survive.
        const bool replacing = (attempts / specs.size()) % 2 == 1;
        const QString name = u"report-%1.%2"_s.arg(attempts).arg(spec.format);
        const QString out = reports.filePath(name);
        ++attempts;
        if (replacing) {
            QFile earlier(out);
            QVERIFY(earlier.open(QIODevice::WriteOnly));
            earlier.write(complete.at(which));
        }
        const bool killed = runAndKill(reportArguments(spec, out), typical.at(which), m_reports);

        QString partial;
        QFile written(out);
        if (!written.exists()) {
            if (replacing)
                partial = u"the earlier report is gone"_s;
            else if (killed)
                ++m_reports.untouched;
        } else {
            QVERIFY(written.open(QIODevice::ReadOnly));
            const QByteArray bytes = written.readAll();
            QJsonParseError error;
            if (spec.format == u"json"_s && (QJsonDocument::fromJson(bytes, &error), error.error != QJsonParseError::NoError))
                partial = u"not JSON: %1 at %2"_s.arg(error.errorString()).arg(error.offset);
            else if (normalised(bytes) != normalised(complete.at(which)))
                partial = u"%1 bytes, a complete report has %2"_s.arg(bytes.size()).arg(complete.at(which).size());
            else if (killed)
                ++(replacing ? m_reports.untouched : m_reports.applied);
        }
        if (!partial.isEmpty()) {
            ++m_reports.halfApplied;
            qWarning("%s: %s", qPrintable(name), qPrintable(partial));
        }
        // A temporary file a killed writer left behind is litter, not a partial report:
        // counted, never read as a report.
        const QStringList litter = reports.entryList({name + u".*"_s}, QDir::Files | QDir::Hidden);
        m_leftoverTemporaryFiles += int(litter.size());
        for (const QString &file : litter)
            reports.remove(file);
    }
    QVERIFY2(m_reports.kills >= kReportKills,
             qPrintable(u"only %1 kills of %2 attempts"_s.arg(m_reports.kills).arg(attempts)));
    QCOMPARE(m_reports.halfApplied, 0);
}

void CrashConsistencyTest::cleanupTestCase()
{
    const auto line = [](const char *kind, const Tally &tally) {
        qInfo("%-10s %6d %15d %9d %10d %13d %10d", kind, tally.kills, tally.finishedFirst, tally.applied,
              tally.untouched, tally.halfApplied, tally.integrityFailures);
    };
    Tally total;
    for (const Tally *tally : {&m_approvals, &m_profiles, &m_reports}) {
        total.kills += tally->kills;
        total.finishedFirst += tally->finishedFirst;
        total.applied += tally->applied;
        total.untouched += tally->untouched;
        total.halfApplied += tally->halfApplied;
        total.integrityFailures += tally->integrityFailures;
    }
    qInfo("crash consistency, seed %u", m_seed);
    qInfo("%-10s %6s %15s %9s %10s %13s %10s", "kind", "kills", "ended-unkilled", "whole", "untouched",
          "half-applied", "integrity");
    line("approvals", m_approvals);
    line("profiles", m_profiles);
    line("reports", m_reports);
    line("total", total);
    qInfo("temporary files left beside report destinations by killed writers: %d", m_leftoverTemporaryFiles);
}

QTEST_GUILESS_MAIN(CrashConsistencyTest)
#include "tst_crashconsistency.moc"
