// steward-cli end to end: every case runs the real executable in a child process on
// one demo database and checks what a user would see: exit status, stdout, stderr.
// The same cases run on an SQLite file (tst_cli) and on a team database (tst_cli_postgresql,
// STEWARD_TEST_POSTGRES set), where every person connects through their own login; what
// only one engine has is tested under its own name, never skipped.

#include "TeamDatabaseCopy.h"
#include "demo/DemoCatalog.h"
#include "model/Approval.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The exit statuses steward-cli documents in --help.
constexpr int Usage = 2;
constexpr int Forbidden = 3;
constexpr int NotFound = 4;
constexpr int Conflict = 5;
constexpr int Unavailable = 6;

// Who reads when a command names no user: Northwind's viewer; in Contoso, its data owner.
const QString NorthwindReader = u"mei.chen"_s;
const QString ContosoReader = u"sara.lind"_s;

// A change request creating a GLOBAL_METADATA field bound to a warehouse column.
QByteArray newFieldRequest(const QString &key, const QString &tier, const QString &lane, const QString &requiredRole,
                           const QJsonObject &extraPayload = {})
{
    QJsonObject payload{
        {u"canonicalKey"_s, key},
        {u"label"_s, u"Tax amount"_s},
        {u"dataType"_s, u"DECIMAL"_s},
        {u"format"_s, u"18,2"_s},
        {u"tier"_s, tier},
        {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s},
                                   {u"schema"_s, u"finance"_s},
                                   {u"table"_s, u"journal_lines"_s},
                                   {u"column"_s, key.section(u'.', -1)}}},
    };
    for (auto it = extraPayload.begin(); it != extraPayload.end(); ++it)
        payload.insert(it.key(), it.value());
    const QJsonObject request{
        {u"entityType"_s, u"GLOBAL_METADATA"_s},
        {u"entityId"_s, QJsonValue()},
        {u"entityKey"_s, key},
        {u"tier"_s, tier},
        {u"lane"_s, lane},
        {u"requiredRole"_s, requiredRole},
        {u"payload"_s, payload},
    };
    return QJsonDocument(request).toJson();
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initDemoFillsTheQueue();
    void approvingATier1FieldPublishesTheSpecEvents();
    void fourEyesRefusesApprovingOnesOwnRequest();
    void invalidRequestsAreRefusedAndLeaveTheQueueAlone();
    void rejectNeedsAReasonAndARequestIsDecidedOnce();
    void severalIdsAreCheckedFirstThenDecidedOneByOne();
    void anotherTenantsRequestIsNotFound();
    void aTeamLoginEntersOnlyItsOwnTenantsAsItself();
    void onlyTheRequesterCancels();
    void aRequestOvertakenByAnotherChangeIsRefusedAsStale();
    void followPrintsNewEventsUntilTerminated();
    void commandLineMistakesAreUsageErrors();
    void diffPrintsChangesJsonAndAnApplicablePatch();
    void diffRefusesEmptyInputs_data();
    void diffRefusesEmptyInputs();
    void diffTakesStandardInputForOneSideOnly();
    void diffNamesATooDeepDocumentInOneShortLine();

private:
    // Runs steward-cli as `login` (default: the user --user names, else NorthwindReader).
    Run cli(const QStringList &arguments, const QByteArray &input = {}, const QString &login = {});
    // What --db says for `login`: the one SQLite file, or the team database through the
    // person's own login (steward_login lets a login act only as itself).
    QString databaseFor(const QString &login) const;
    bool isTeamDatabase() const { return m_team.has_value(); }
    QString submit(const QString &user, const QByteArray &request);
    QJsonObject show(const QString &id);
    QJsonArray queue(const QString &status = {});
    QStringList eventTypes(const QString &correlationId);
    static void verifyOneLineError(const Run &run, int exitCode);

    QTemporaryDir m_dir;
    std::optional<steward::DatabaseUrl> m_team; // the template on the test server
    steward::testing::TeamDatabaseCopy m_copy;
    QString m_cli;
    QString m_database; // where init-demo writes: the SQLite file, or the team database as its owner
    QString m_initDemoOutput;
};

void CliTest::initTestCase()
{
    m_cli = qEnvironmentVariable("STEWARD_CLI");
    QVERIFY2(!m_cli.isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));
    QVERIFY(m_dir.isValid());
    m_team = steward::testing::postgresUnderTest();
    if (m_team) {
        const steward::Status created = m_copy.create(*m_team);
        QVERIFY2(!created, created ? qPrintable(created->text()) : "");
        m_database = m_copy.as(steward::testing::TeamDatabaseCopy::OwnerLogin).toString();
    } else {
        m_database = u"sqlite:"_s + m_dir.filePath(u"steward.db"_s);
    }

    // The schema's owner fills a team database (the demo's people then act through their
    // own logins); the file needs no one.
    const Run run = cli({u"init-demo"_s}, {}, steward::testing::TeamDatabaseCopy::OwnerLogin);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    m_initDemoOutput = run.out;
}

QString CliTest::databaseFor(const QString &login) const
{
    return isTeamDatabase() ? m_copy.as(login).toString() : m_database;
}

Run CliTest::cli(const QStringList &arguments, const QByteArray &input, const QString &login)
{
    QString person = login;
    if (person.isEmpty()) {
        const qsizetype user = arguments.indexOf(u"--user"_s);
        person = user >= 0 && user + 1 < arguments.size() ? arguments.at(user + 1) : NorthwindReader;
    }
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"STEWARD_TENANT"_s);
    environment.remove(u"STEWARD_USER"_s);
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data-home"_s)); // never the real default database
    process.setProcessEnvironment(environment);
    process.start(m_cli, QStringList{u"--db"_s, databaseFor(person)} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        process.kill();
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString CliTest::submit(const QString &user, const QByteArray &request)
{
    const Run run = cli({u"submit"_s, u"-"_s, u"--user"_s, user}, request);
    if (run.exitCode != 0) {
        qWarning("submit failed: %s", qPrintable(run.err));
        return {};
    }
    return run.out.trimmed();
}

QJsonObject CliTest::show(const QString &id)
{
    const Run run = cli({u"show"_s, id, u"--json"_s});
    if (run.exitCode != 0)
        qWarning("show failed: %s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QJsonArray CliTest::queue(const QString &status)
{
    QStringList arguments{u"list"_s, u"--json"_s};
    if (!status.isEmpty())
        arguments << u"--status"_s << status;
    const Run run = cli(arguments);
    if (run.exitCode != 0)
        qWarning("list failed: %s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QStringList CliTest::eventTypes(const QString &correlationId)
{
    const Run run = cli({u"events"_s, u"--json"_s});
    QStringList types;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts)) {
        const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
        if (event.value(u"correlationId"_s).toString() == correlationId)
            types.append(event.value(u"type"_s).toString());
    }
    return types;
}

void CliTest::verifyOneLineError(const Run &run, int exitCode)
{
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith(u"steward-cli: "_s), qPrintable(run.err));
    QVERIFY2(run.err.endsWith(u'\n') && run.err.count(u'\n') == 1, qPrintable(run.err));
}

void CliTest::initDemoFillsTheQueue()
{
    QVERIFY2(m_initDemoOutput.contains(u"pending"_s), qPrintable(m_initDemoOutput));
    // It names where the demo went: the file, or the team database it filled.
    const QString location = isTeamDatabase() ? m_database : m_dir.filePath(u"steward.db"_s);
    QVERIFY2(m_initDemoOutput.contains(location), qPrintable(m_initDemoOutput));
    QCOMPARE(m_initDemoOutput.count(u'\n'), 1);

    const QJsonArray pending = queue();
    QVERIFY2(pending.size() >= 200, qPrintable(QString::number(pending.size())));
    for (const QJsonValue &row : pending) {
        QCOMPARE(row[u"status"_s].toString(), u"pending"_s);
        QCOMPARE(row[u"tenantId"_s].toString(), steward::uuidText(steward::demo::northwindTenantId()));
        QVERIFY(!QUuid::fromString(row[u"id"_s].toString()).isNull());
    }
    QVERIFY(queue(u"all"_s).size() > pending.size());

    // The text table a steward reads: a header, one row per request, a count.
    const Run table = cli({u"list"_s});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.startsWith(u"ID "_s));
    QVERIFY(table.out.contains(u"REQUIRED ROLE"_s));
    QVERIFY(table.out.contains(pending.first()[u"id"_s].toString()));
    QCOMPARE(table.out.count(u'\n'), pending.size() + 2);
}

void CliTest::approvingATier1FieldPublishesTheSpecEvents()
{
    const QString id = submit(u"raj.patel"_s, newFieldRequest(u"gl.journal_line.tax_amount"_s, u"tier1"_s, u"kernel"_s,
                                                              u"kernel_architect"_s));
    QVERIFY(!QUuid::fromString(id).isNull());
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(show(id)[u"requestedBy"_s].toString(), u"raj.patel"_s);

    const Run approved = cli({u"approve"_s, id, u"--user"_s, u"amara.okafor"_s, u"--reason"_s, u"VAT reporting"_s});
    QCOMPARE(approved.err, QString());
    QCOMPARE(approved.exitCode, 0);
    QVERIFY2(approved.out.startsWith(u"Approved "_s + id), qPrintable(approved.out));
    QCOMPARE(approved.out.count(u'\n'), 1);

    const QJsonObject decided = show(id);
    QCOMPARE(decided[u"status"_s].toString(), u"approved"_s);
    QCOMPARE(decided[u"decidedBy"_s].toString(), u"amara.okafor"_s);
    QCOMPARE(decided[u"decisionReason"_s].toString(), u"VAT reporting"_s);

    const QStringList expected{u"approval.requested"_s, u"metadata.approved"_s, u"metadata.changed"_s,
                               u"metadata.profile.due"_s, u"approval.approved"_s};
    QCOMPARE(eventTypes(id), expected);

    // The text trail shows the same, one line per event, and --type filters by prefix.
    const Run trail = cli({u"events"_s, u"--type"_s, u"metadata.*"_s});
    QCOMPARE(trail.exitCode, 0);
    const QStringList lines = trail.out.split(u'\n', Qt::SkipEmptyParts).filter(id);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).contains(u"metadata.approved"_s));
    QVERIFY(lines.at(0).contains(u"amara.okafor"_s));
    QVERIFY(lines.at(2).contains(u"metadata.profile.due"_s));
}

void CliTest::fourEyesRefusesApprovingOnesOwnRequest()
{
    // amara.okafor holds kernel_architect, so only the four-eyes rule can stop her.
    const QString id = submit(u"amara.okafor"_s, newFieldRequest(u"gl.journal_line.vat_code_amount"_s, u"tier1"_s,
                                                                 u"kernel"_s, u"kernel_architect"_s));
    QVERIFY(!QUuid::fromString(id).isNull());

    const Run refused = cli({u"approve"_s, id, u"--user"_s, u"amara.okafor"_s});
    verifyOneLineError(refused, Forbidden);
    QVERIFY2(refused.err.contains(u"four-eyes"_s), qPrintable(refused.err));
    QCOMPARE(refused.out, QString());

    const QJsonObject unchanged = show(id);
    QCOMPARE(unchanged[u"status"_s].toString(), u"pending"_s);
    QVERIFY(unchanged[u"decidedBy"_s].isNull());
    QCOMPARE(eventTypes(id), QStringList{u"approval.requested"_s});
}

void CliTest::invalidRequestsAreRefusedAndLeaveTheQueueAlone()
{
    const qsizetype before = queue().size();

    const Run malformed = cli({u"submit"_s, u"-"_s, u"--user"_s, u"raj.patel"_s}, "{\"entityType\": \"GLOBAL_");
    verifyOneLineError(malformed, Usage);
    QVERIFY2(malformed.err.contains(u"malformed JSON"_s, Qt::CaseInsensitive), qPrintable(malformed.err));
    QCOMPARE(malformed.out, QString());

    const QByteArray unknownField = newFieldRequest(u"gl.journal_line.colour"_s, u"tier3"_s, u"governed"_s,
                                                    u"metadata_steward"_s, {{u"colour"_s, u"red"_s}});
    const Run unknown = cli({u"submit"_s, u"-"_s, u"--user"_s, u"raj.patel"_s}, unknownField);
    verifyOneLineError(unknown, Usage);
    QVERIFY2(unknown.err.contains(u"colour"_s), qPrintable(unknown.err));

    // The same through a file, and an invalid DECIMAL format named by its field.
    const QString path = m_dir.filePath(u"bad-format.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(newFieldRequest(u"gl.journal_line.bad_format"_s, u"tier3"_s, u"governed"_s, u"metadata_steward"_s,
                               {{u"format"_s, u"18.2"_s}}));
    file.close();
    const Run badFormat = cli({u"submit"_s, path, u"--user"_s, u"raj.patel"_s});
    verifyOneLineError(badFormat, Usage);
    QVERIFY2(badFormat.err.contains(u"format"_s), qPrintable(badFormat.err));

    const Run missing = cli({u"submit"_s, m_dir.filePath(u"no-such.json"_s), u"--user"_s, u"raj.patel"_s});
    verifyOneLineError(missing, Usage);
    QVERIFY2(missing.err.contains(u"no-such.json"_s), qPrintable(missing.err));

    QCOMPARE(queue().size(), before);
}

void CliTest::rejectNeedsAReasonAndARequestIsDecidedOnce()
{
    const QString id = submit(u"raj.patel"_s, newFieldRequest(u"gl.journal_line.reject_me"_s, u"tier3"_s, u"governed"_s,
                                                              u"metadata_steward"_s));
    QVERIFY(!QUuid::fromString(id).isNull());

    const Run noReason = cli({u"reject"_s, id, u"--user"_s, u"jonas.weber"_s});
    verifyOneLineError(noReason, Usage);
    QVERIFY2(noReason.err.contains(u"reason"_s), qPrintable(noReason.err));
    const Run blankReason = cli({u"reject"_s, id, u"--user"_s, u"jonas.weber"_s, u"--reason"_s, u"   "_s});
    verifyOneLineError(blankReason, Usage);
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);

    const Run rejected =
        cli({u"reject"_s, id, u"--reason"_s, u"Duplicates gl.journal_line.amount"_s, u"--user"_s, u"jonas.weber"_s});
    QCOMPARE(rejected.err, QString());
    QCOMPARE(rejected.exitCode, 0);
    QVERIFY2(rejected.out.startsWith(u"Rejected "_s + id), qPrintable(rejected.out));
    const QJsonObject decided = show(id);
    QCOMPARE(decided[u"status"_s].toString(), u"rejected"_s);
    QCOMPARE(decided[u"decisionReason"_s].toString(), u"Duplicates gl.journal_line.amount"_s);

    const Run again = cli({u"approve"_s, id, u"--user"_s, u"amara.okafor"_s});
    verifyOneLineError(again, Conflict);
    QVERIFY2(again.err.contains(u"already rejected by jonas.weber"_s), qPrintable(again.err));
    QCOMPARE(show(id)[u"status"_s].toString(), u"rejected"_s);
    QCOMPARE(eventTypes(id), (QStringList{u"approval.requested"_s, u"approval.rejected"_s}));
}

void CliTest::severalIdsAreCheckedFirstThenDecidedOneByOne()
{
    QStringList ids;
    for (const QString &column : {u"batch_one"_s, u"batch_two"_s, u"batch_three"_s}) {
        ids.append(submit(u"raj.patel"_s, newFieldRequest(u"gl.journal_line."_s + column, u"tier3"_s, u"governed"_s,
                                                          u"metadata_steward"_s)));
        QVERIFY(!QUuid::fromString(ids.constLast()).isNull());
    }
    const QString own = submit(u"jonas.weber"_s, newFieldRequest(u"gl.journal_line.batch_own"_s, u"tier3"_s,
                                                                 u"governed"_s, u"metadata_steward"_s));
    QVERIFY(!QUuid::fromString(own).isNull());

    // One bad id refuses the whole batch before anything is decided.
    const Run badArgument = cli({u"approve"_s, ids.at(0), u"not-an-id"_s, u"--user"_s, u"jonas.weber"_s});
    verifyOneLineError(badArgument, Usage);
    QVERIFY2(badArgument.err.contains(u"\"not-an-id\" is not a request id"_s), qPrintable(badArgument.err));
    QVERIFY2(badArgument.err.contains(u"nothing was decided"_s), qPrintable(badArgument.err));
    QCOMPARE(badArgument.out, QString());
    const Run badLine =
        cli({u"approve"_s, u"-"_s, u"--user"_s, u"jonas.weber"_s}, (ids.at(0) + u"\n\n12345\n"_s).toUtf8());
    verifyOneLineError(badLine, Usage);
    QVERIFY2(badLine.err.contains(u"line 3 of standard input: \"12345\" is not a request id"_s),
             qPrintable(badLine.err));
    QCOMPARE(badLine.out, QString());
    const Run empty = cli({u"approve"_s, u"-"_s, u"--user"_s, u"jonas.weber"_s}, "\n  \n");
    verifyOneLineError(empty, Usage);
    QVERIFY2(empty.err.contains(u"holds no request ids"_s), qPrintable(empty.err));
    verifyOneLineError(cli({u"approve"_s, u"-"_s, ids.at(0), u"--user"_s, u"jonas.weber"_s}), Usage);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);

    // Then each in turn, a line each as it is decided; the exit status is that of the
    // first refusal (four-eyes: forbidden), and stderr counts the refusals.
    const QByteArray input = (ids.at(0) + u"\n"_s + own + u"\n"_s + ids.at(1) + u"\r\n"_s + ids.at(0) + u"\n"_s).toUtf8();
    const Run batch = cli({u"approve"_s, u"-"_s, u"--user"_s, u"jonas.weber"_s}, input);
    QCOMPARE(batch.err, u"steward-cli: 2 of 4 requests were not approved\n"_s);
    QCOMPARE(batch.exitCode, Forbidden);
    const QStringList lines = batch.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0),
             u"Approved %1: GLOBAL_METADATA gl.journal_line.batch_one (tier3), as jonas.weber."_s.arg(ids.at(0)));
    QVERIFY2(lines.at(1).startsWith(u"Not approved %1: "_s.arg(own)) && lines.at(1).contains(u"four-eyes"_s),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(u"Approved %1: "_s.arg(ids.at(1))), qPrintable(lines.at(2)));
    QVERIFY2(lines.at(3).startsWith(u"Not approved %1: already approved by jonas.weber at "_s.arg(ids.at(0))),
             qPrintable(lines.at(3)));
    QCOMPARE(show(ids.at(0))[u"status"_s].toString(), u"approved"_s);
    QCOMPARE(show(ids.at(1))[u"status"_s].toString(), u"approved"_s);
    QCOMPARE(show(own)[u"status"_s].toString(), u"pending"_s);
    QCOMPARE(eventTypes(ids.at(0)).count(u"approval.approved"_s), 1);

    // reject takes several ids on the command line the same way, with one reason for all.
    const Run rejected = cli({u"reject"_s, ids.at(2), own, u"--reason"_s, u"Not needed"_s, u"--user"_s,
                              u"amara.okafor"_s});
    QCOMPARE(rejected.err, QString());
    QCOMPARE(rejected.exitCode, 0);
    QCOMPARE(rejected.out,
             u"Rejected %1: GLOBAL_METADATA gl.journal_line.batch_three (tier3), as amara.okafor. Reason: Not needed\n"
             u"Rejected %2: GLOBAL_METADATA gl.journal_line.batch_own (tier3), as amara.okafor. Reason: Not needed\n"_s
                 .arg(ids.at(2), own));
}

void CliTest::anotherTenantsRequestIsNotFound()
{
    const QString id = queue().first()[u"id"_s].toString();
    const QString contoso = steward::uuidText(steward::demo::contosoTenantId());

    // Read by someone in Contoso (on SQLite reading names no one).
    const Run shown = cli({u"show"_s, id, u"--tenant"_s, contoso}, {}, ContosoReader);
    verifyOneLineError(shown, NotFound);
    QCOMPARE(shown.out, QString());

    // diego.ramos is a steward in Contoso: deciding a Northwind request is as if it did not exist.
    const Run decided = cli({u"approve"_s, id, u"--tenant"_s, contoso, u"--user"_s, u"diego.ramos"_s});
    verifyOneLineError(decided, NotFound);
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);

    // Contoso's queue holds only Contoso's requests.
    const Run contosoQueue = cli({u"list"_s, u"--json"_s, u"--tenant"_s, contoso}, {}, ContosoReader);
    QCOMPARE(contosoQueue.exitCode, 0);
    const QJsonArray rows = QJsonDocument::fromJson(contosoQueue.out.toUtf8()).array();
    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &row : rows)
        QCOMPARE(row[u"tenantId"_s].toString(), contoso);
}

void CliTest::aTeamLoginEntersOnlyItsOwnTenantsAsItself()
{
    if (!isTeamDatabase()) {
        // The file checks no login: whoever opens it picks a tenant and names a user, and
        // the service's rules (membership, roles) are all that judge them.
        const Run outsider = cli({u"approve"_s, queue().first()[u"id"_s].toString(), u"--user"_s, u"diego.ramos"_s});
        verifyOneLineError(outsider, Forbidden);
        QVERIFY2(outsider.err.contains(u"diego.ramos"_s), qPrintable(outsider.err));
        return;
    }
    // The database checks the login: to a Northwind person Contoso does not exist (not
    // even its name), and a login acts only as itself, whatever --user says.
    const QString contoso = steward::uuidText(steward::demo::contosoTenantId());
    const Run elsewhere = cli({u"list"_s, u"--tenant"_s, contoso}, {}, NorthwindReader);
    verifyOneLineError(elsewhere, NotFound);
    QVERIFY2(elsewhere.err.contains(u"known tenants: Northwind Finance ("_s), qPrintable(elsewhere.err));
    QVERIFY2(!elsewhere.err.contains(u"Contoso"_s), qPrintable(elsewhere.err));
    QCOMPARE(elsewhere.out, QString());

    const QString id = queue().first()[u"id"_s].toString();
    const Run posing = cli({u"approve"_s, id, u"--user"_s, u"amara.okafor"_s}, {}, NorthwindReader);
    verifyOneLineError(posing, Forbidden);
    QVERIFY2(posing.err.contains(u"connected as mei.chen and cannot act as amara.okafor"_s), qPrintable(posing.err));
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);
}

void CliTest::onlyTheRequesterCancels()
{
    const QString id = submit(u"raj.patel"_s, newFieldRequest(u"gl.journal_line.cancel_me"_s, u"tier3"_s, u"governed"_s,
                                                              u"metadata_steward"_s));
    QVERIFY(!QUuid::fromString(id).isNull());

    const Run refused = cli({u"cancel"_s, id, u"--user"_s, u"lena.fischer"_s});
    verifyOneLineError(refused, Forbidden);
    QVERIFY2(refused.err.contains(u"raj.patel"_s), qPrintable(refused.err));
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);

    const Run cancelled = cli({u"cancel"_s, id, u"--user"_s, u"raj.patel"_s});
    QCOMPARE(cancelled.err, QString());
    QCOMPARE(cancelled.exitCode, 0);
    QVERIFY2(cancelled.out.startsWith(u"Cancelled "_s + id), qPrintable(cancelled.out));
    QCOMPARE(show(id)[u"status"_s].toString(), u"cancelled"_s);
    QCOMPARE(show(id)[u"decidedBy"_s].toString(), u"raj.patel"_s);
}

void CliTest::aRequestOvertakenByAnotherChangeIsRefusedAsStale()
{
    // A pending update of a governed field, and a second update of the same field.
    QJsonObject target;
    for (const QJsonValue &row : queue()) {
        if (row[u"entityType"_s] == u"GLOBAL_METADATA"_s && row[u"lane"_s] == u"governed"_s &&
            !row[u"entityId"_s].isNull() && row[u"requestedBy"_s] != u"raj.patel"_s &&
            row[u"requestedBy"_s] != u"jonas.weber"_s) {
            target = row.toObject();
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const QJsonObject overtaking{
        {u"entityType"_s, u"GLOBAL_METADATA"_s},
        {u"entityId"_s, target[u"entityId"_s]},
        {u"entityKey"_s, target[u"entityKey"_s]},
        {u"tier"_s, target[u"tier"_s]},
        {u"lane"_s, u"governed"_s},
        {u"requiredRole"_s, u"metadata_steward"_s},
        {u"payload"_s, QJsonObject{{u"label"_s, u"Renamed meanwhile"_s}}},
    };
    const QString first = submit(u"raj.patel"_s, QJsonDocument(overtaking).toJson());
    QVERIFY(!QUuid::fromString(first).isNull());
    QCOMPARE(cli({u"approve"_s, first, u"--user"_s, u"jonas.weber"_s}).exitCode, 0);

    const QString id = target[u"id"_s].toString();
    const Run shown = cli({u"show"_s, id});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains(u"has changed since this request was made"_s), qPrintable(shown.out));

    const Run refused = cli({u"approve"_s, id, u"--user"_s, u"jonas.weber"_s});
    verifyOneLineError(refused, Conflict);
    QVERIFY2(refused.err.contains(u"changed since the request was made"_s), qPrintable(refused.err));
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);
}

void CliTest::followPrintsNewEventsUntilTerminated()
{
    QProcess follower;
    follower.start(m_cli, {u"--db"_s, databaseFor(NorthwindReader), u"events"_s, u"--follow"_s, u"--json"_s,
                           u"--type"_s, u"approval.*"_s});
    QVERIFY(follower.waitForStarted(10000));
    QByteArray output;
    // The history comes first; wait for it so the new event cannot be mistaken for it.
    QTRY_VERIFY_WITH_TIMEOUT((output += follower.readAllStandardOutput()).contains("approval.rejected"), 10000);

    const QString id = submit(u"raj.patel"_s, newFieldRequest(u"gl.journal_line.followed"_s, u"tier3"_s, u"governed"_s,
                                                              u"metadata_steward"_s));
    QVERIFY(!QUuid::fromString(id).isNull());
    QTRY_VERIFY_WITH_TIMEOUT((output += follower.readAllStandardOutput()).contains(id.toUtf8()), 5000);

    follower.terminate(); // SIGTERM: a clean stop, not a failure
    QVERIFY(follower.waitForFinished(5000));
    QCOMPARE(follower.exitStatus(), QProcess::NormalExit);
    QCOMPARE(follower.exitCode(), 0);
    QCOMPARE(follower.readAllStandardError(), QByteArray());
    const QList<QByteArray> lines = output.split('\n');
    const auto mine =
        std::find_if(lines.cbegin(), lines.cend(), [&](const QByteArray &line) { return line.contains(id.toUtf8()); });
    QVERIFY(mine != lines.cend());
    QCOMPARE(QJsonDocument::fromJson(*mine).object()[u"type"_s].toString(), u"approval.requested"_s);
}

void CliTest::commandLineMistakesAreUsageErrors()
{
    const QString id = queue().first()[u"id"_s].toString();

    const Run noUser = cli({u"approve"_s, id});
    if (isTeamDatabase()) {
        // On a team database the login is the user: the viewer's login approves as herself.
        verifyOneLineError(noUser, Forbidden);
        QVERIFY2(noUser.err.contains(NorthwindReader), qPrintable(noUser.err));
    } else {
        verifyOneLineError(noUser, Usage);
        QVERIFY2(noUser.err.contains(u"--user"_s), qPrintable(noUser.err));
    }

    verifyOneLineError(cli({u"frobnicate"_s}), Usage);
    verifyOneLineError(cli({}), Usage);
    verifyOneLineError(cli({u"show"_s, u"not-a-uuid"_s}), Usage);
    // A hostile 100 KB argument is quoted in part, not echoed whole.
    const Run hugeId = cli({u"show"_s, QString(100000, u'a')});
    verifyOneLineError(hugeId, Usage);
    QVERIFY2(hugeId.err.size() < 300, qPrintable(hugeId.err.left(300)));
    QVERIFY2(hugeId.err.contains(u"100000"_s), qPrintable(hugeId.err));
    verifyOneLineError(cli({u"list"_s, u"--status"_s, u"maybe"_s}), Usage);
    verifyOneLineError(cli({u"approve"_s, id, u"--json"_s, u"--user"_s, u"amara.okafor"_s}), Usage);
    QCOMPARE(show(id)[u"status"_s].toString(), u"pending"_s);

    const Run badKind = cli({u"report"_s, u"--kind"_s, u"weekly"_s, u"--format"_s, u"csv"_s, u"--out"_s, u"x.csv"_s});
    verifyOneLineError(badKind, Usage);
    QVERIFY2(badKind.err.contains(u"--kind"_s), qPrintable(badKind.err));
    const Run noOut = cli({u"report"_s, u"--kind"_s, u"quality"_s, u"--format"_s, u"pdf"_s});
    verifyOneLineError(noOut, Usage);
    QVERIFY2(noOut.err.contains(u"--out"_s), qPrintable(noOut.err));
    verifyOneLineError(cli({u"serve"_s, u"--port"_s, u"99999"_s}), Usage);

    const Run help = cli({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(u"Exit status"_s));
    QVERIFY(help.out.contains(u"four-eyes"_s));
    const Run version = cli({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(u"steward-cli "_s));

    // A mistyped --db never leaves an empty database behind: no file, no team database.
    QProcess process;
    QString missing;
    if (isTeamDatabase()) {
        steward::DatabaseUrl mistyped = m_copy.as(NorthwindReader);
        mistyped.databaseName += u"_missing"_s;
        missing = mistyped.toString();
        process.start(m_cli, {u"--db"_s, missing, u"list"_s});
    } else {
        missing = m_dir.filePath(u"missing.db"_s);
        process.start(m_cli, {u"--db"_s, u"sqlite:"_s + missing, u"list"_s});
    }
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), Unavailable);
    const QString said = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(said.startsWith(u"steward-cli: "_s) && said.count(u'\n') == 1, qPrintable(said));
    if (isTeamDatabase()) {
        QVERIFY2(said.contains(m_copy.url().databaseName + u"_missing"_s), qPrintable(said));
        auto databases = m_copy.admin().run(u"SELECT COUNT(*) FROM pg_database WHERE datname = ?"_s,
                                            {m_copy.url().databaseName + u"_missing"_s});
        QVERIFY(databases && databases.value().next());
        QCOMPARE(databases.value().value(0).toInt(), 0);
    } else {
        QVERIFY2(said.contains(missing), qPrintable(said));
        QVERIFY(!QFileInfo::exists(missing));
    }
}

void CliTest::diffPrintsChangesJsonAndAnApplicablePatch()
{
    const QString oldPath = m_dir.filePath(u"old.json"_s);
    const QString newPath = m_dir.filePath(u"new.json"_s);
    auto write = [](const QString &path, const QByteArray &text) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(oldPath, R"({"amount":12345678901234567.89,"lines":[{"id":"a"},{"id":"b"}],"note":"x"})");
    write(newPath, R"({"amount":12345678901234567.88,"lines":[{"id":"z"},{"id":"a"},{"id":"b"}],"memo":"y"})");

    const Run text = cli({u"diff"_s, oldPath, newPath});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(u"~ /amount: 12345678901234567.89 -> 12345678901234567.88"_s), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"+ /lines/0"_s), qPrintable(text.out)); // one insertion at the head, not three changes
    QVERIFY2(text.out.contains(u"- /note"_s), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"2 added, 1 removed, 1 changed, 0 moved"_s), qPrintable(text.out));

    const Run json = cli({u"diff"_s, oldPath, newPath, u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(report[u"counts"_s][u"added"_s].toInt(), 2);
    QCOMPARE(report[u"changes"_s].toArray().size(), 4);
    QVERIFY2(json.out.contains(u"12345678901234567.88"_s), "numbers keep their exact text");

    const Run patch = cli({u"diff"_s, oldPath, newPath, u"--format"_s, u"patch"_s});
    QCOMPARE(patch.exitCode, 0);
    const QJsonArray operations = QJsonDocument::fromJson(patch.out.toUtf8()).array();
    QVERIFY(!operations.isEmpty());
    for (const QJsonValue &operation : operations)
        QVERIFY(QStringList({u"add"_s, u"remove"_s, u"replace"_s, u"move"_s}).contains(operation[u"op"_s].toString()));
    QVERIFY2(patch.out.contains(u"12345678901234567.88"_s), qPrintable(patch.out));

    const Run broken = cli({u"diff"_s, oldPath, u"-"_s}, R"({"a":1,"a":2})");
    verifyOneLineError(broken, Usage);
    QVERIFY2(broken.err.contains(u"more than once"_s), qPrintable(broken.err));
    verifyOneLineError(cli({u"diff"_s, oldPath, newPath, u"--format"_s, u"yaml"_s}), Usage);
}

void CliTest::diffRefusesEmptyInputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n\t\r\n ");
}

void CliTest::diffRefusesEmptyInputs()
{
    QFETCH(QByteArray, text);
    const QString emptyPath = m_dir.filePath(u"empty.json"_s);
    const QString fullPath = m_dir.filePath(u"full.json"_s);
    for (const auto &[path, content] : {std::pair{emptyPath, text}, std::pair{fullPath, QByteArray(R"({"a":1})")}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    for (const QStringList &sides : {QStringList{emptyPath, fullPath}, QStringList{fullPath, emptyPath}}) {
        for (const QString &format : {u"text"_s, u"patch"_s}) {
            const Run run = cli(QStringList{u"diff"_s} + sides + QStringList{u"--format"_s, format});
            verifyOneLineError(run, Usage);
            QVERIFY2(run.err.contains(emptyPath + u" is empty"_s), qPrintable(run.err));
            QCOMPARE(run.out, QString()); // no "everything removed"
        }
    }
    const Run fromStdin = cli({u"diff"_s, fullPath, u"-"_s}, text);
    verifyOneLineError(fromStdin, Usage);
    QVERIFY2(fromStdin.err.contains(u"standard input is empty"_s), qPrintable(fromStdin.err));
    // "null" is a document, not an empty file.
    QFile null(emptyPath);
    QVERIFY(null.open(QIODevice::WriteOnly));
    null.write("null\n");
    null.close();
    const Run deleted = cli({u"diff"_s, fullPath, emptyPath});
    QCOMPARE(deleted.exitCode, 0);
    QVERIFY2(deleted.out.startsWith(u"- /: {\"a\":1}\n"_s), qPrintable(deleted.out));
}

void CliTest::diffTakesStandardInputForOneSideOnly()
{
    const Run both = cli({u"diff"_s, u"-"_s, u"-"_s}, R"({"a":1})");
    verifyOneLineError(both, Usage);
    QVERIFY2(both.err.contains(u"standard input"_s) && both.err.contains(u"only one side"_s), qPrintable(both.err));
    QCOMPARE(both.out, QString());

    const QString path = m_dir.filePath(u"one-side.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"a":1})");
    file.close();
    const Run oldFromStdin = cli({u"diff"_s, u"-"_s, path, u"--format"_s, u"patch"_s}, R"({"a":2})");
    QCOMPARE(oldFromStdin.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(oldFromStdin.out.toUtf8()).array().size(), 1);
}

void CliTest::diffNamesATooDeepDocumentInOneShortLine()
{
    const QString flat = m_dir.filePath(u"flat.json"_s);
    const QString deep = m_dir.filePath(u"deep.json"_s);
    QFile flatFile(flat);
    QVERIFY(flatFile.open(QIODevice::WriteOnly));
    flatFile.write("{}");
    flatFile.close();
    QFile deepFile(deep);
    QVERIFY(deepFile.open(QIODevice::WriteOnly));
    deepFile.write(QByteArray(R"({"a":)").repeated(250) + "1" + QByteArray(250, '}'));
    deepFile.close();

    const Run run = cli({u"diff"_s, flat, deep});
    verifyOneLineError(run, Usage);
    QVERIFY2(run.err.size() < deep.size() + 200, qPrintable(run.err));
    QVERIFY2(run.err.contains(deep + u": /a/a/a/…/a/a/a"_s), qPrintable(run.err)); // which file, and where
    QVERIFY2(run.err.contains(u"200"_s) && run.err.contains(u"deeper"_s), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
