// The hostile-input catalogue: every bad input steward-cli takes, one table row each
// (malformed, deep, huge, wrong types, invalid UTF-8, NUL bytes, injection-looking names
// and ids, impossible dates and ports, unreachable databases). Each row runs the real
// executable on one demo database and checks what a user must see: the documented exit
// status, one line on stderr that says what is wrong and never echoes a huge input whole,
// and a database whose every table reads exactly as before (row counts and a SHA-256 over
// all rows, as the HTTP API's catalogue in api/tst_httpapiguard checks).
// At the end the test prints how many inputs were tried and refused cleanly.

#include "ApiTesting.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The exit statuses steward-cli documents in --help.
constexpr int Usage = 2;
constexpr int Forbidden = 3;
constexpr int NotFound = 4;
constexpr int Unavailable = 6;

// A line that quotes a hostile input in part stays well under this.
constexpr qsizetype kLongestLine = 400;

// A valid GLOSSARY request by raj.patel; the rows spoil one part of it at a time.
const QByteArray kValidRequest =
    R"({"entityType":"GLOSSARY","entityId":null,"entityKey":"term.hostile","tier":"tier5","lane":"governed",)"
    R"("payload":{"canonicalKey":"term.hostile","term":"Hostile","definition":"A party that buys",)"
    R"("synonyms":["client"],"relatedKeys":[]},"requiredRole":"metadata_steward","requestedBy":"raj.patel"})";

QByteArray spoiled(const QByteArray &from, const QByteArray &to)
{
    QByteArray request = kValidRequest;
    Q_ASSERT(request.contains(from));
    return request.replace(from, to);
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class HostileInputTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theValidRequestIsAccepted();
    void isRefusedAndChangesNothing_data();
    void isRefusedAndChangesNothing();
    void cleanupTestCase();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray err;
    };
    Run cli(const QStringList &arguments, const QByteArray &input = {}) const;
    QString checksum() const; // row counts and SHA-256 of every mdm_ table
    QString resolved(QString argument) const;

    QTemporaryDir m_dir;
    QString m_cli;
    QString m_database;
    QString m_pending;    // a pending request of another requester that needs a kernel_architect
    QString m_rajPending; // a pending request raj.patel submitted
    int m_tried = 0;
    int m_refused = 0;
};

void HostileInputTest::initTestCase()
{
    m_cli = qEnvironmentVariable("STEWARD_CLI");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(u"steward.db"_s);
    const Run demo = cli({u"init-demo"_s});
    QVERIFY2(demo.exitCode == 0, demo.err.constData());

    const QSqlDatabase connection = [&] {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"read"_s);
        db.setDatabaseName(m_database);
        db.open();
        return db;
    }();
    QSqlQuery query(connection);
    // Pending requests of the first tenant; the one the rows decide needs a role neither
    // raj.patel (data_owner) nor jonas.weber (metadata_steward) holds, so no row can pass.
    QVERIFY(query.exec(u"SELECT id, requested_by, required_role FROM mdm_approval"
                       " WHERE status = 'pending' AND tenant_id = '%1' ORDER BY id"_s.arg(steward::testing::Demo::Tenant)));
    while (query.next()) {
        const QString id = query.value(0).toString();
        if (query.value(1).toString() == u"raj.patel"_s)
            m_rajPending = m_rajPending.isEmpty() ? id : m_rajPending;
        else if (m_pending.isEmpty() && query.value(2).toString() == u"kernel_architect"_s)
            m_pending = id;
    }
    QVERIFY(!m_pending.isEmpty() && !m_rajPending.isEmpty());

    QFile deep(m_dir.filePath(u"deep.json"_s));
    QVERIFY(deep.open(QIODevice::WriteOnly) && deep.write(nested(100000)) > 0);
    deep.close();
    QFile badUtf8(m_dir.filePath(u"bad-utf8.json"_s));
    QVERIFY(badUtf8.open(QIODevice::WriteOnly) && badUtf8.write("{\"a\":\"\xff\xfe\"}") > 0);
    badUtf8.close();
    QFile plain(m_dir.filePath(u"plain.json"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly) && plain.write("{\"a\":1}") > 0);
    plain.close();
}

// The table's requests fail for what each spoils, not for something they share.
void HostileInputTest::theValidRequestIsAccepted()
{
    // Validated in a copy, so the catalogue's database stays as init-demo left it.
    const QString copy = m_dir.filePath(u"copy.db"_s);
    QVERIFY(QFile::copy(m_database, copy));
    QProcess process;
    process.start(m_cli, {u"--db"_s, u"sqlite:"_s + copy, u"--user"_s, u"raj.patel"_s, u"submit"_s, u"-"_s});
    QVERIFY(process.waitForStarted());
    process.write(kValidRequest);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
}

void HostileInputTest::isRefusedAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");

    const QStringList submit{u"--user"_s, u"raj.patel"_s, u"submit"_s, u"-"_s};
    const auto row = [](const char *name, const QStringList &arguments, const QByteArray &input, int exitCode,
                        const QString &says) { QTest::newRow(name) << arguments << input << exitCode << says; };

    // submit: malformed
    row("submit: nothing", submit, "", Usage, u"empty"_s);
    row("submit: only whitespace", submit, " \n\t ", Usage, u"empty"_s);
    row("submit: not JSON", submit, "approve everything", Usage, u"Malformed JSON"_s);
    row("submit: cut off", submit, kValidRequest.left(60), Usage, u"Malformed JSON"_s);
    row("submit: an array", submit, "[]", Usage, u"object"_s);
    row("submit: null", submit, "null", Usage, u"object"_s);
    row("submit: 100,000 levels deep", submit, nested(100000), Usage, u"deeper than"_s);
    row("submit: over 64 MiB", submit, "{\"definition\":\"" + QByteArray(65 * 1024 * 1024, 'a') + "\"}", Usage,
        u"more than the limit"_s);
    row("submit: duplicate member", submit, spoiled("\"tier\":\"tier5\"", "\"tier\":\"tier5\",\"tier\":\"tier1\""),
        Usage, u"more than once"_s);
    // submit: encoding
    row("submit: invalid UTF-8", submit, spoiled("A party", "A \xff\xfe party"), Usage, u"UTF-8"_s);
    row("submit: raw NUL byte", submit, spoiled("A party", QByteArray("A \0 party", 9)), Usage, QString());
    row("submit: escaped NUL in the payload", submit, spoiled("A party", "A \\u0000 party"), Usage, u"NUL"_s);
    row("submit: escaped NUL in the key", submit,
        spoiled("\"entityKey\":\"term.hostile\"", "\"entityKey\":\"term.\\u0000x\""), Usage, u"entityKey"_s);
    // submit: wrong types and values
    row("submit: entityType a number", submit, spoiled("\"GLOSSARY\"", "1"), Usage, u"entityType"_s);
    row("submit: unknown entityType", submit, spoiled("\"GLOSSARY\"", "\"TABLE\""), Usage, u"entityType"_s);
    row("submit: tier9", submit, spoiled("\"tier\":\"tier5\"", "\"tier\":\"tier9\""), Usage, u"tier"_s);
    row("submit: unknown lane", submit, spoiled("\"governed\"", "\"express\""), Usage, u"lane"_s);
    row("submit: payload a string", submit,
        R"({"entityType":"GLOSSARY","entityId":null,"entityKey":"term.hostile","tier":"tier5",)"
        R"("lane":"governed","payload":"x","requiredRole":"metadata_steward","requestedBy":"raj.patel"})",
        Usage, u"payload"_s);
    row("submit: entityId not a UUID", submit, spoiled("\"entityId\":null", "\"entityId\":\"1 OR 1=1\""), Usage,
        u"entityId"_s);
    row("submit: unknown member", submit, spoiled("\"lane\"", "\"approved\":true,\"lane\""), Usage,
        u"unknown field"_s);
    row("submit: unknown payload member", submit, spoiled("\"term\":", "\"status\":\"approved\",\"term\":"), Usage,
        u"status"_s);
    row("submit: a 1 MB member name", submit,
        spoiled("\"lane\"", "\"" + QByteArray(1024 * 1024, 'x') + "\":1,\"lane\""), Usage, u"characters"_s);
    row("submit: 1e999999 as the term", submit, spoiled("\"Hostile\"", "1e999999"), Usage, u"must be a string"_s);
    // submit: injection-looking names
    row("submit: SQL in the key", submit,
        spoiled("term.hostile\",\"tier", "term.x'); DROP TABLE mdm_approval;--\",\"tier"), Usage, u"entityKey"_s);
    row("submit: quote in the key", submit,
        spoiled("term.hostile\",\"tier", "term.x\\u0027 OR 1=1\",\"tier"), Usage, u"entityKey"_s);
    row("submit: someone else as requester", submit,
        spoiled("\"requestedBy\":\"raj.patel\"", "\"requestedBy\":\"jonas.weber\""), Usage, u"requestedBy"_s);
    row("submit: no such file", {u"--user"_s, u"raj.patel"_s, u"submit"_s, u"/nonexistent/request.json"_s}, {},
        Usage, u"No such file"_s);
    row("submit: a folder", {u"--user"_s, u"raj.patel"_s, u"submit"_s, u"{dir}"_s}, {}, Usage, u"directory"_s);

    // decisions
    const QStringList asSteward{u"--user"_s, u"jonas.weber"_s};
    row("approve: SQL as the id", asSteward + QStringList{u"approve"_s, u"x'; DROP TABLE mdm_approval;--"_s}, {},
        Usage, u"not a request id"_s);
    row("approve: a 100 KB id", asSteward + QStringList{u"approve"_s, QString(100000, u'a')}, {}, Usage,
        u"100000"_s);
    row("approve: no such request", asSteward + QStringList{u"approve"_s, u"11111111-2222-4333-8444-555555555555"_s},
        {}, NotFound, u"no change request"_s);
    row("approve: garbage on standard input", asSteward + QStringList{u"approve"_s, u"-"_s}, "garbage\n{pending}\n",
        Usage, u"nothing was decided"_s);
    row("approve: without the role", {u"--user"_s, u"raj.patel"_s, u"approve"_s, u"{pending}"_s}, {}, Forbidden,
        u"role"_s);
    row("approve: a steward without the kernel role", asSteward + QStringList{u"approve"_s, u"{pending}"_s}, {},
        Forbidden, u"kernel_architect"_s);
    row("approve: an unknown user", {u"--user"_s, u"nobody'--"_s, u"approve"_s, u"{pending}"_s}, {}, Forbidden,
        u"not a user"_s);
    row("reject: no reason", asSteward + QStringList{u"reject"_s, u"{pending}"_s}, {}, Usage, u"reason"_s);
    row("reject: a blank reason", asSteward + QStringList{u"reject"_s, u"{pending}"_s, u"--reason"_s, u"  \t "_s},
        {}, Usage, u"reason"_s);
    row("cancel: someone else's request", asSteward + QStringList{u"cancel"_s, u"{raj}"_s}, {}, Forbidden,
        u"only the requester"_s);
    row("show: a path as the id", {u"show"_s, u"../../etc/passwd"_s}, {}, Usage, u"not a request id"_s);

    // reading, reports, profiles, serving
    row("list: SQL as the status", {u"list"_s, u"--status"_s, u"pending' OR '1'='1"_s}, {}, Usage, u"--status"_s);
    row("events: SQL as the type", {u"events"_s, u"--type"_s, u"x' OR 1=1"_s}, {}, Usage, u"--type"_s);
    row("report: a missing folder",
        {u"report"_s, u"--kind"_s, u"quality"_s, u"--format"_s, u"csv"_s, u"--out"_s, u"/nonexistent/r.csv"_s}, {},
        Usage, u"does not exist"_s);
    row("report: 30 February",
        {u"report"_s, u"--kind"_s, u"quality"_s, u"--format"_s, u"csv"_s, u"--out"_s, u"{dir}/r.csv"_s,
         u"--from"_s, u"2026-02-30"_s},
        {}, Usage, u"--from"_s);
    row("report: unknown kind", {u"report"_s, u"--kind"_s, u"x"_s, u"--format"_s, u"csv"_s, u"--out"_s, u"{dir}/r.csv"_s},
        {}, Usage, u"--kind"_s);
    row("profile: SQL as the field", asSteward + QStringList{u"profile"_s, u"x'; DROP TABLE mdm_profile;--"_s}, {},
        NotFound, u"no field"_s);
    row("profile: a negative sample", asSteward + QStringList{u"profile"_s, u"--due"_s, u"--sample"_s, u"-5"_s}, {},
        Usage, u"--sample"_s);
    row("token: SQL as the user", asSteward + QStringList{u"token"_s, u"create"_s, u"--user"_s, u"'; DROP"_s}, {},
        Forbidden, u"not a user"_s);
    row("serve: port 99999", {u"serve"_s, u"--port"_s, u"99999"_s}, {}, Usage, u"--port"_s);
    row("serve: every address without a token", {u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s}, {},
        Usage, u"token"_s);
    row("unknown command", {u"drop"_s}, {}, Usage, u"unknown command"_s);

    // diff (no database involved; the catalogue's database must still be untouched)
    row("diff: 100,000 levels deep", {u"diff"_s, u"{dir}/deep.json"_s, u"{dir}/plain.json"_s}, {}, Usage,
        u"deeper than"_s);
    row("diff: invalid UTF-8", {u"diff"_s, u"{dir}/bad-utf8.json"_s, u"{dir}/plain.json"_s}, {}, Usage, u"UTF-8"_s);
    row("diff: standard input twice", {u"diff"_s, u"-"_s, u"-"_s}, "{}", Usage, u"only one side"_s);

    // another database than the catalogue's, unreachable
    row("database: a missing file", {u"--db"_s, u"sqlite:/nonexistent/dir/steward.db"_s, u"list"_s}, {}, Unavailable,
        u"no database"_s);
    row("database: a closed port", {u"--db"_s, u"postgresql://x@127.0.0.1:1/steward"_s, u"list"_s}, {}, Unavailable,
        u"cannot connect"_s);
}

void HostileInputTest::isRefusedAndChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, says);

    for (QString &argument : arguments)
        argument = resolved(argument);
    QByteArray stdinText = input;
    stdinText.replace("{pending}", m_pending.toUtf8());

    const QString before = checksum();
    QVERIFY(!before.isEmpty());
    ++m_tried;
    const Run run = cli(arguments, stdinText);
    const QString err = QString::fromUtf8(run.err);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(err.startsWith(u"steward-cli: "_s) && err.endsWith(u'\n') && err.count(u'\n') == 1,
             qPrintable(err.left(kLongestLine)));
    QVERIFY2(err.size() <= kLongestLine, qPrintable(u"%1 characters: "_s.arg(err.size()) + err.left(kLongestLine)));
    QVERIFY2(err.contains(says), qPrintable(err));
    QCOMPARE(checksum(), before);
    ++m_refused;
}

void HostileInputTest::cleanupTestCase()
{
    qInfo("hostile inputs tried: %d, refused cleanly with the database unchanged: %d", m_tried, m_refused);
    QSqlDatabase::removeDatabase(u"read"_s);
}

HostileInputTest::Run HostileInputTest::cli(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"STEWARD_TENANT"_s);
    environment.remove(u"STEWARD_USER"_s);
    environment.remove(u"STEWARD_METRICS_TOKEN"_s);
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data-home"_s)); // never the real default database
    process.setProcessEnvironment(environment);
    const bool ownDatabase = arguments.contains(u"--db"_s);
    process.start(m_cli, (ownDatabase ? QStringList() : QStringList{u"--db"_s, u"sqlite:"_s + m_database}) + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, "steward-cli did not finish within 60 s"};
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               process.readAllStandardError()};
}

QString HostileInputTest::checksum() const
{
    return steward::testing::databaseFingerprint(QSqlDatabase::database(u"read"_s));
}

QString HostileInputTest::resolved(QString argument) const
{
    return argument.replace(u"{dir}"_s, m_dir.path())
        .replace(u"{pending}"_s, m_pending)
        .replace(u"{raj}"_s, m_rajPending);
}

QTEST_GUILESS_MAIN(HostileInputTest)
#include "tst_hostileinput.moc"
