// Storage that fails under the real steward-cli: the database on a small file system
// that is full, and a database file (then also its folder) that is read-only. Every
// command that would change something must fail with one line on stderr that says what
// and why, naming the file, exit non-zero, and leave the file exactly as it was (its
// checksum and every table's row count before and after). A command that only reads
// may succeed where the storage still lets it read.
//
// Full disk: as root, a tmpfs of a few MB mounted for the test and filled up; otherwise
// each child runs under RLIMIT_FSIZE. Read-only: chmod, or as root (which ignores chmod)
// chattr +i, always undone. The test prints which it used.

#include "FaultTesting.h"
#include "ReadOnlyStorage.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace steward::testing;

namespace {

const QString kNorthwind = u"Northwind Finance"_s;

// One command a user could run, and whether it changes the database.
struct Command
{
    QString name;
    QStringList arguments;
    bool changes = false;
};

// What one command did under one fault.
struct Outcome
{
    QString scenario;
    QString command;
    bool changes = false;
    int exitCode = -1;
    QString message; // its stderr
};

// The database on a file system with no space left: a tmpfs of its own when this test
// may mount one (root), else a file size limit of 4 KB for each child. Unmounted when
// this goes, whatever failed.
class FullDisk
{
public:
    ~FullDisk()
    {
        if (!m_mountPoint.isEmpty())
            QProcess::execute(u"umount"_s, {m_mountPoint});
    }

    // Makes `folder` a full file system with `database` (copied in) on it; returns the
    // reason it could not, empty on success.
    QString setUp(const QString &folder, const QString &database)
    {
        m_folder = folder;
        if (::geteuid() == 0 && !QStandardPaths::findExecutable(u"mount"_s).isEmpty()) {
            // Room for the database and a little more, then filled to the last byte.
            const qint64 kib = std::max<qint64>(2048, QFileInfo(database).size() / 1024 + 1024);
            QProcess mount;
            mount.setProcessChannelMode(QProcess::MergedChannels);
            mount.start(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=%1k"_s.arg(kib), u"tmpfs"_s, folder});
            if (mount.waitForFinished(30000) && mount.exitStatus() == QProcess::NormalExit && mount.exitCode() == 0) {
                m_mountPoint = folder;
                m_how = u"tmpfs of %1 KiB mounted on the database's folder, then filled"_s.arg(kib);
                if (!QFile::copy(database, databasePath()))
                    return u"cannot copy the database onto the tmpfs"_s;
                return fill();
            }
            qInfo("mount -t tmpfs failed (%s); falling back to RLIMIT_FSIZE",
                  qPrintable(QString::fromLocal8Bit(mount.readAll()).trimmed()));
        }
        m_how = u"RLIMIT_FSIZE of 4 KiB in each child (no tmpfs could be mounted)"_s;
        m_limited = true;
        return QFile::copy(database, databasePath()) ? QString() : u"cannot copy the database"_s;
    }

    // Frees the space again, so the file can be read as it was left.
    void release() { QFile::remove(fillerPath()); m_limited = false; }

    QString databasePath() const { return m_folder + u"/steward.db"_s; }
    QString how() const { return m_how; }
    bool isTmpfs() const { return !m_mountPoint.isEmpty(); }
    ChildSetup childSetup() const
    {
        ChildSetup setup;
        if (m_limited)
            setup.inChild = [] {
                struct rlimit limit{4096, 4096};
                ::setrlimit(RLIMIT_FSIZE, &limit);
                ::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead of killing
            };
        return setup;
    }

private:
    QString fillerPath() const { return m_folder + u"/filler"_s; }

    QString fill()
    {
        QFile filler(fillerPath());
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return u"cannot create the filler file"_s;
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) {
        }
        filler.close();
        const QStorageInfo storage(m_folder);
        return storage.bytesAvailable() < 4096 ? QString()
                                               : u"the tmpfs still has %1 bytes free"_s.arg(storage.bytesAvailable());
    }

    QString m_folder;
    QString m_mountPoint;
    QString m_how;
    bool m_limited = false;
};

} // namespace

class StorageFaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aFullDiskRefusesEveryChangeInOneLine();
    void aReadOnlyFileRefusesEveryChangeAndStillReads();
    void aReadOnlyFileAndFolderRefuseCleanly();
    void cleanupTestCase();

private:
    QList<Command> commands(const QString &folder) const;
    // Runs every command on `database` and checks each outcome; `explains` must be in
    // every refusal.
    void runAll(const QString &scenario, const QString &database, const QStringList &explains,
                const ChildSetup &setup);
    QString copyOfTheDemo(const QString &folder);
    void refusedOnReadOnlyStorage(const QString &folder, ReadOnlyStorage::Scope scope, const QString &scenario,
                                  const QString &expected);

    QTemporaryDir m_dir;
    QString m_source;
    QString m_requestFile;
    QString m_approveId, m_approver, m_rejectId, m_rejecter, m_cancelId, m_requester, m_field;
    QList<Outcome> m_outcomes;
    QStringList m_methods;
};

void StorageFaultsTest::initTestCase()
{
    QVERIFY2(!cliPath().isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    QVERIFY(m_dir.isValid());
    // Others (nobody, via setpriv) may need to reach the files below it.
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    QVERIFY(QDir(m_dir.path()).mkpath(u"source"_s));
    m_source = m_dir.filePath(u"source/steward.db"_s);
    const CliRun demo = runCli(m_source, {u"init-demo"_s}, m_dir.path());
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));

    DatabaseFile file(m_source);
    const QString tenant = file.value(u"SELECT id FROM mdm_tenant WHERE name = ?"_s, {kNorthwind}).toString();
    // Three pending requests that could be decided (updates not overtaken, tier3 steward
    // requests), each by someone other than its requester.
    const auto pending = file.rows(
        u"SELECT a.id, a.requested_by FROM mdm_approval a JOIN mdm_global_metadata g "
        u"ON g.tenant_id = a.tenant_id AND g.canonical_key = a.entity_key AND g.version = a.base_version "
        u"WHERE a.tenant_id = ? AND a.status = 'pending' AND a.entity_type = 'GLOBAL_METADATA' "
        u"AND a.required_role = 'metadata_steward' ORDER BY a.requested_at LIMIT 3"_s,
        {tenant});
    QVERIFY2(pending.size() == 3, qPrintable(file.lastError()));
    const auto stewardOtherThan = [](const QString &requester) {
        return requester == u"jonas.weber"_s ? u"lena.fischer"_s : u"jonas.weber"_s;
    };
    m_approveId = pending.at(0).at(0).toString();
    m_approver = stewardOtherThan(pending.at(0).at(1).toString());
    m_rejectId = pending.at(1).at(0).toString();
    m_rejecter = stewardOtherThan(pending.at(1).at(1).toString());
    m_cancelId = pending.at(2).at(0).toString();
    m_requester = pending.at(2).at(1).toString();
    m_field = file.value(u"SELECT canonical_key FROM mdm_global_metadata WHERE tenant_id = ? AND binding IS NOT NULL "
                         u"ORDER BY canonical_key LIMIT 1"_s,
                         {tenant})
                  .toString();
    QVERIFY(!m_field.isEmpty());

    const QJsonObject request{
        {u"entityType"_s, u"GLOBAL_METADATA"_s},
        {u"entityId"_s, QJsonValue()},
        {u"entityKey"_s, u"gl.journal_line.storage_probe"_s},
        {u"tier"_s, u"tier3"_s},
        {u"lane"_s, u"governed"_s},
        {u"requiredRole"_s, u"metadata_steward"_s},
        {u"payload"_s, QJsonObject{{u"canonicalKey"_s, u"gl.journal_line.storage_probe"_s},
                                   {u"label"_s, u"Storage probe"_s},
                                   {u"dataType"_s, u"TEXT"_s},
                                   {u"format"_s, u"40"_s},
                                   {u"tier"_s, u"tier3"_s}}},
    };
    m_requestFile = m_dir.filePath(u"request.json"_s);
    QFile requestFile(m_requestFile);
    QVERIFY(requestFile.open(QIODevice::WriteOnly));
    requestFile.write(QJsonDocument(request).toJson());
}

QList<Command> StorageFaultsTest::commands(const QString &folder) const
{
    return {
        {u"submit"_s, {u"submit"_s, m_requestFile, u"--user"_s, u"raj.patel"_s}, true},
        {u"approve"_s, {u"approve"_s, m_approveId, u"--user"_s, m_approver}, true},
        {u"reject"_s, {u"reject"_s, m_rejectId, u"--reason"_s, u"storage test"_s, u"--user"_s, m_rejecter}, true},
        {u"cancel"_s, {u"cancel"_s, m_cancelId, u"--user"_s, m_requester}, true},
        {u"profile"_s, {u"profile"_s, m_field, u"--now"_s, u"--user"_s, u"jonas.weber"_s}, true},
        {u"report csv"_s,
         {u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, u"csv"_s, u"--out"_s, folder + u"/approvals.csv"_s},
         false},
        {u"report json"_s,
         {u"report"_s, u"--kind"_s, u"quality"_s, u"--format"_s, u"json"_s, u"--out"_s, folder + u"/quality.json"_s},
         false},
        {u"list"_s, {u"list"_s}, false},
        {u"show"_s, {u"show"_s, m_approveId}, false},
        {u"events"_s, {u"events"_s, u"--type"_s, u"approval.approved"_s}, false},
    };
}

QString StorageFaultsTest::copyOfTheDemo(const QString &folder)
{
    QDir().mkpath(folder);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                      | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString database = folder + u"/steward.db"_s;
    QFile::remove(database);
    return QFile::copy(m_source, database) ? database : QString();
}

void StorageFaultsTest::runAll(const QString &scenario, const QString &database, const QStringList &explains,
                               const ChildSetup &setup)
{
    const QString folder = QFileInfo(database).absolutePath();
    for (const Command &command : commands(folder)) {
        const CliRun run = runCli(database, command.arguments, m_dir.path(), setup);
        Outcome outcome{scenario, command.name, command.changes, run.exitCode, run.err.trimmed()};
        m_outcomes.append(outcome);
        if (run.exitCode == 0) {
            QVERIFY2(!command.changes, qPrintable(u"%1 succeeded on %2: %3"_s.arg(command.name, scenario, run.out)));
            QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
            continue;
        }
        // One line that says what and why, naming the file or its folder.
        const QString line = outcome.message;
        QVERIFY2(run.exitCode > 0, qPrintable(u"%1 crashed on %2: %3"_s.arg(command.name, scenario, line)));
        QVERIFY2(!line.contains(u'\n'), qPrintable(u"%1 on %2 wrote more than one line:\n%3"_s.arg(command.name,
                                                                                                  scenario, line)));
        QVERIFY2(line.startsWith(u"steward-cli: "_s), qPrintable(line));
        QVERIFY2(line.contains(folder), qPrintable(u"%1 on %2 does not name the file: %3"_s.arg(command.name,
                                                                                             scenario, line)));
        bool explained = false;
        for (const QString &phrase : explains)
            explained = explained || line.contains(phrase);
        QVERIFY2(explained, qPrintable(u"%1 on %2 does not say %3: %4"_s.arg(command.name, scenario,
                                                                            explains.join(u" or "_s), line)));
    }
}

void StorageFaultsTest::aFullDiskRefusesEveryChangeInOneLine()
{
    const QString folder = m_dir.filePath(u"full"_s);
    QVERIFY(QDir().mkpath(folder));
    QString checksum;
    QStringList counts;
    {
        DatabaseFile file(m_source);
        counts = file.rowCounts();
    }
    checksum = fileChecksum(m_source);

    FullDisk disk;
    const QString failed = disk.setUp(folder, m_source);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    m_methods.append(u"full disk: "_s + disk.how());
    qInfo("full disk: %s", qPrintable(disk.how()));
    const QStringList explains = disk.isTmpfs() ? QStringList{u"is full"_s}
                                                : QStringList{u"is full"_s, u"could not be read or written"_s};
    runAll(u"full disk"_s, disk.databasePath(), explains, disk.childSetup());

    // Nothing half-written: with the space back, the file is exactly as it was.
    disk.release();
    QCOMPARE(fileChecksum(disk.databasePath()), checksum);
    DatabaseFile file(disk.databasePath());
    QVERIFY2(file.isOpen(), qPrintable(file.errorText()));
    QCOMPARE(file.rowCounts(), counts);
    QCOMPARE(file.integrity(), u"ok"_s);
    QVERIFY(!QFile::exists(folder + u"/approvals.csv"_s));
    QVERIFY(!QFile::exists(folder + u"/quality.json"_s));
}

void StorageFaultsTest::aReadOnlyFileRefusesEveryChangeAndStillReads()
{
    refusedOnReadOnlyStorage(u"readonly-file"_s, ReadOnlyStorage::Scope::File, u"read-only file"_s, u"is read-only"_s);
}

void StorageFaultsTest::aReadOnlyFileAndFolderRefuseCleanly()
{
    refusedOnReadOnlyStorage(u"readonly-folder"_s, ReadOnlyStorage::Scope::FileAndFolder, u"read-only folder"_s,
                             u"read-only"_s);
}

// Every command on a copy of the demo made read-only as `scope` says: refused saying
// `expected` (or a read that works), and the file byte for byte as before.
void StorageFaultsTest::refusedOnReadOnlyStorage(const QString &folder, ReadOnlyStorage::Scope scope,
                                                 const QString &scenario, const QString &expected)
{
    const QString database = copyOfTheDemo(m_dir.filePath(folder));
    QVERIFY(!database.isEmpty());
    QStringList counts;
    {
        DatabaseFile file(database);
        counts = file.rowCounts();
    }
    const QString checksum = fileChecksum(database);
    {
        ReadOnlyStorage readOnly(database, scope);
        const QString failed = readOnly.protect();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_methods.append(scenario + u": "_s + readOnly.describe());
        ChildSetup setup;
        setup.through = readOnly.childPrefix();
        runAll(scenario, database, {expected}, setup);
    }
    QCOMPARE(fileChecksum(database), checksum);
    DatabaseFile file(database);
    QCOMPARE(file.rowCounts(), counts);
    QCOMPARE(file.integrity(), u"ok"_s);
}

void StorageFaultsTest::cleanupTestCase()
{
    for (const QString &method : std::as_const(m_methods))
        qInfo("%s", qPrintable(method));
    qInfo("%-17s %-12s %-8s %-10s %s", "storage", "command", "changes", "result", "stderr");
    int refused = 0, succeeded = 0;
    for (const Outcome &outcome : std::as_const(m_outcomes)) {
        const bool ok = outcome.exitCode == 0;
        ++(ok ? succeeded : refused);
        qInfo("%-17s %-12s %-8s %-10s %s", qPrintable(outcome.scenario), qPrintable(outcome.command),
              outcome.changes ? "yes" : "no", ok ? "succeeded" : qPrintable(u"exit %1"_s.arg(outcome.exitCode)),
              qPrintable(outcome.message));
    }
    qInfo("storage commands tried: %lld, refused in one line: %d, succeeded (reads only): %d",
          qlonglong(m_outcomes.size()), refused, succeeded);
}

QTEST_GUILESS_MAIN(StorageFaultsTest)
#include "tst_storagefaults.moc"
