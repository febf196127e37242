// steward-cli verify-audit end to end (SPEC section 9): after a batch of approvals the
// tenant's hash chain verifies, and on a copy of the database where one event was edited,
// deleted or moved behind the program's back (the sqlite3 shell; psql as the schema's
// owner on a team database) it names that event. The same cases run on an SQLite file
// (tst_auditcli) and on a team database (tst_auditcli_postgresql), where the trigger
// seals the events and the program verifies them: both must compute the same hashes.

#include "TeamDatabaseCopy.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The exit status steward-cli documents in --help for a broken chain.
constexpr int Corrupted = 7;

const QString Reader = u"mei.chen"_s;     // Northwind's viewer
const QString Requester = u"raj.patel"_s; // submits
const QString Decider = u"jonas.weber"_s; // a metadata steward

QByteArray newFieldRequest(const QString &key)
{
    const QJsonObject payload{
        {u"canonicalKey"_s, key},
        {u"label"_s, u"Tax amount"_s},
        {u"dataType"_s, u"DECIMAL"_s},
        {u"format"_s, u"18,2"_s},
        {u"tier"_s, u"tier3"_s},
        {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s},
                                   {u"schema"_s, u"finance"_s},
                                   {u"table"_s, u"journal_lines"_s},
                                   {u"column"_s, key.section(u'.', -1)}}},
    };
    return QJsonDocument(QJsonObject{{u"entityType"_s, u"GLOBAL_METADATA"_s},
                                     {u"entityId"_s, QJsonValue()},
                                     {u"entityKey"_s, key},
                                     {u"tier"_s, u"tier3"_s},
                                     {u"lane"_s, u"governed"_s},
                                     {u"requiredRole"_s, u"metadata_steward"_s},
                                     {u"payload"_s, payload}})
        .toJson();
}

struct StoredEvent
{
    qint64 seq = 0;
    QString id;
};

} // namespace

class AuditCliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theChainVerifiesAfterAnApprovalBatch();
    void aTamperedEventIsNamed_data();
    void aTamperedEventIsNamed();

private:
    // One database under test: the SQLite file, or a team database copy.
    struct Target
    {
        QString file;                              // SQLite
        steward::testing::TeamDatabaseCopy *team = nullptr; // PostgreSQL
        QString urlFor(const QString &login) const
        {
            return team ? team->as(login).toString() : u"sqlite:"_s + file;
        }
    };

    Run cli(const Target &target, const QStringList &arguments, const QString &login, const QByteArray &input = {});
    // Runs SQL behind the program's back: the sqlite3 shell, or psql as the schema's owner.
    Run sql(const Target &target, const QString &statements);
    QList<StoredEvent> events(const Target &target);

    QTemporaryDir m_dir;
    std::optional<steward::DatabaseUrl> m_template;
    steward::testing::TeamDatabaseCopy m_copy;
    Target m_target;
    QString m_cli;
    QStringList m_approved;
};

void AuditCliTest::initTestCase()
{
    m_cli = qEnvironmentVariable("STEWARD_CLI");
    QVERIFY2(!m_cli.isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    QVERIFY(m_dir.isValid());
    m_template = steward::testing::postgresUnderTest();
    if (m_template) {
        QVERIFY2(!QStandardPaths::findExecutable(u"psql"_s).isEmpty(),
                 "psql is needed to edit the team database by hand: apt-get install postgresql-client");
        const steward::Status created = m_copy.create(*m_template);
        QVERIFY2(!created, created ? qPrintable(created->text()) : "");
        m_target.team = &m_copy;
    } else {
        QVERIFY2(!QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty(),
                 "the sqlite3 shell is needed to edit the file by hand: apt-get install sqlite3");
        m_target.file = m_dir.filePath(u"steward.db"_s);
    }
    const Run demo = cli(m_target, {u"init-demo"_s}, steward::testing::TeamDatabaseCopy::OwnerLogin);
    QCOMPARE(demo.err, QString());
    QCOMPARE(demo.exitCode, 0);

    // A batch of approvals, decided in one command.
    QStringList ids;
    for (const QString &column : {u"audit_one"_s, u"audit_two"_s, u"audit_three"_s}) {
        const Run submitted = cli(m_target, {u"submit"_s, u"-"_s, u"--user"_s, Requester}, Requester,
                                  newFieldRequest(u"gl.journal_line."_s + column));
        QCOMPARE(submitted.err, QString());
        ids.append(submitted.out.trimmed());
    }
    const Run approved = cli(m_target, QStringList{u"approve"_s} + ids + QStringList{u"--user"_s, Decider}, Decider);
    QCOMPARE(approved.err, QString());
    QCOMPARE(approved.exitCode, 0);
    m_approved = ids;
}

void AuditCliTest::theChainVerifiesAfterAnApprovalBatch()
{
    const QList<StoredEvent> stored = events(m_target);
    QVERIFY(stored.size() > 10);

    const Run run = cli(m_target, {u"verify-audit"_s}, Reader);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    static const QRegularExpression line(
        u"^Audit trail of .+ verified: (\\d+) events checked; head hash ([0-9a-f]{64}) \\(seq (\\d+)\\)\n$"_s);
    const QRegularExpressionMatch match = line.match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    // Every event of the tenant, up to the newest, and the hash stored with it.
    QCOMPARE(match.captured(1).toLongLong(), qint64(stored.size()));
    QCOMPARE(match.captured(3).toLongLong(), stored.constLast().seq);
    const Run head = sql(m_target, u"SELECT hash FROM mdm_event WHERE seq = %1"_s.arg(stored.constLast().seq));
    QCOMPARE(head.err, QString());
    QCOMPARE(head.out.trimmed(), match.captured(2));
    // The chain starts at 64 zeros, and each event names the hash of the one before it.
    const Run first = sql(m_target, u"SELECT prev_hash FROM mdm_event WHERE seq = %1"_s.arg(stored.constFirst().seq));
    QCOMPARE(first.out.trimmed(), QString(64, u'0'));
    const qsizetype last = stored.size() - 1;
    const Run link = sql(m_target, u"SELECT (SELECT prev_hash FROM mdm_event WHERE seq = %1) = "
                                   u"(SELECT hash FROM mdm_event WHERE seq = %2)"_s.arg(stored.at(last).seq)
                                       .arg(stored.at(last - 1).seq));
    QVERIFY2(QStringList({u"1"_s, u"t"_s}).contains(link.out.trimmed()), qPrintable(link.out + link.err));
    // --help names the command and its exit status; it takes no arguments.
    const Run help = cli(m_target, {u"--help"_s}, Reader);
    QVERIFY(help.out.contains(u"verify-audit"_s));
    QVERIFY(help.out.contains(u"  7  verify-audit: the audit trail's hash chain is broken"_s));
    QCOMPARE(cli(m_target, {u"verify-audit"_s, u"everything"_s}, Reader).exitCode, 2);
    // The batch's own events are part of it.
    const Run batch = sql(m_target, u"SELECT COUNT(*) FROM mdm_event WHERE correlation_id = '%1' AND hash IS NOT NULL"_s
                                        .arg(m_approved.constLast()));
    QVERIFY2(batch.out.trimmed().toInt() >= 2, qPrintable(batch.out + batch.err));
}

void AuditCliTest::aTamperedEventIsNamed_data()
{
    // %1: the event tampered with, %2: the one after it (both the tenant's).
    QTest::addColumn<QString>("statements");
    QTest::addColumn<int>("namedOffset");  // 0: the tampered event is named, 1: the one after it
    QTest::addColumn<bool>("namedHasMovedId"); // the id named is the one that was at %2
    QTest::addColumn<QString>("reason");

    QTest::newRow("edited payload") << u"UPDATE mdm_event SET payload = '{\"approvalId\":\"forged\"}' WHERE seq = %1;"_s
                                    << 0 << false << u"does not match its seal"_s;
    QTest::newRow("edited actor") << u"UPDATE mdm_event SET actor_id = 'someone.else' WHERE seq = %1;"_s << 0 << false
                                  << u"does not match its seal"_s;
    QTest::newRow("deleted") << u"DELETE FROM mdm_event WHERE seq = %1;"_s << 1 << false
                             << u"does not follow the event before it"_s;
    QTest::newRow("reordered") << u"UPDATE mdm_event SET seq = -1 WHERE seq = %1; "
                                  u"UPDATE mdm_event SET seq = %1 WHERE seq = %2; "
                                  u"UPDATE mdm_event SET seq = %2 WHERE seq = -1;"_s
                               << 0 << true << u"does not follow the event before it"_s;
}

void AuditCliTest::aTamperedEventIsNamed()
{
    QFETCH(QString, statements);
    QFETCH(int, namedOffset);
    QFETCH(bool, namedHasMovedId);
    QFETCH(QString, reason);

    // An event of the approval batch, in the middle of the chain.
    const QList<StoredEvent> stored = events(m_target);
    QVERIFY(stored.size() > 10);
    const qsizetype tampered = stored.size() - 4;
    const StoredEvent &target = stored.at(tampered);
    const StoredEvent &next = stored.at(tampered + 1);
    const StoredEvent &named = stored.at(tampered + namedOffset);

    // A copy of the database, edited behind the program's back.
    Target copy;
    steward::testing::TeamDatabaseCopy teamCopy;
    if (m_target.team) {
        const steward::Status created = teamCopy.create(m_copy.url());
        QVERIFY2(!created, created ? qPrintable(created->text()) : "");
        copy.team = &teamCopy;
    } else {
        copy.file = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".db"_s);
        const Run backup = sql(m_target, u".backup '%1'"_s.arg(copy.file));
        QCOMPARE(backup.err, QString());
    }
    const Run before = cli(copy, {u"verify-audit"_s}, Reader);
    QCOMPARE(before.exitCode, 0);
    const Run edited = sql(copy, QString(statements)
                                     .replace(u"%1"_s, QString::number(target.seq))
                                     .replace(u"%2"_s, QString::number(next.seq)));
    QCOMPARE(edited.err, QString());
    QCOMPARE(edited.exitCode, 0);

    const Run run = cli(copy, {u"verify-audit"_s}, Reader);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, Corrupted);
    QVERIFY2(run.err.startsWith(u"steward-cli: "_s) && run.err.count(u'\n') == 1, qPrintable(run.err));
    const QString id = namedHasMovedId ? next.id : named.id;
    QVERIFY2(run.err.contains(u"seq %1 (id %2)"_s.arg(named.seq).arg(id)), qPrintable(run.err));
    QVERIFY2(run.err.contains(reason), qPrintable(run.err));
    // Every event before it still verified.
    QVERIFY2(run.err.contains(u"the %1 events before it verified"_s.arg(tampered)), qPrintable(run.err));

    // The database the program works on was not touched.
    QCOMPARE(cli(m_target, {u"verify-audit"_s}, Reader).exitCode, 0);
}

Run AuditCliTest::cli(const Target &target, const QStringList &arguments, const QString &login,
                      const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"STEWARD_TENANT"_s);
    environment.remove(u"STEWARD_USER"_s);
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data-home"_s)); // never the real default database
    process.setProcessEnvironment(environment);
    process.start(m_cli, QStringList{u"--db"_s, target.urlFor(login)} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Run AuditCliTest::sql(const Target &target, const QString &statements)
{
    QProcess process;
    if (target.team)
        process.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-t"_s, u"-A"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s,
                                  target.urlFor(steward::testing::TeamDatabaseCopy::OwnerLogin), u"-c"_s, statements});
    else
        process.start(u"sqlite3"_s, {u"-bail"_s, target.file, statements});
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        return {};
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

QList<StoredEvent> AuditCliTest::events(const Target &target)
{
    const Run run = cli(target, {u"events"_s, u"--json"_s}, Reader);
    QList<StoredEvent> stored;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        stored.append({event.value(u"seq"_s).toInteger(), event.value(u"id"_s).toString()});
    }
    return stored;
}

QTEST_GUILESS_MAIN(AuditCliTest)
#include "tst_auditcli.moc"
