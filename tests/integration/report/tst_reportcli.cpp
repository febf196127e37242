// steward-cli report end to end: the real executable in a child process, as cron runs it
// (no display: neither DISPLAY nor QT_QPA_PLATFORM set), on the report fixture's database.
// steward-cli never loads Qt Gui: PDF and HTML come from its helper, steward-render, found
// beside it in the build tree and in lib/metadata-steward once installed. On a team
// database (tst_reportcli_postgresql) it runs through the reading person's own login.

#include "ReportFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

constexpr int Usage = 2;
constexpr int Unavailable = 6;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    qint64 pid = 0;
};

// The Qt libraries a process must not load to run without Qt Gui.
const QRegularExpression kGuiLibrary(u"libQt6(Gui|Widgets|Svg|OpenGL|PrintSupport)[.]so"_s);

// The shared libraries `binary` names as NEEDED (readelf -d).
QStringList neededLibraries(const QString &binary)
{
    QProcess readelf;
    readelf.start(QStringLiteral(STEWARD_READELF), {u"-d"_s, binary});
    if (!readelf.waitForFinished(30000) || readelf.exitCode() != 0)
        return {};
    QStringList needed;
    const QRegularExpression entry(uR"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"_s);
    for (auto match = entry.globalMatch(QString::fromUtf8(readelf.readAllStandardOutput())); match.hasNext();)
        needed.append(match.next().captured(1));
    return needed;
}

// The libraries the dynamic loader reported loading (LD_DEBUG=files), by process id.
QMultiHash<qint64, QString> loadedLibraries(const QString &loaderLog)
{
    QMultiHash<qint64, QString> loaded;
    const QRegularExpression line(uR"(^\s*(\d+):\s+file=(\S+))"_s, QRegularExpression::MultilineOption);
    for (auto match = line.globalMatch(loaderLog); match.hasNext();) {
        const auto found = match.next();
        loaded.insert(found.captured(1).toLongLong(), found.captured(2));
    }
    return loaded;
}

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("STEWARD_CLI");
        QVERIFY2(QFileInfo(m_cli).isExecutable(), "STEWARD_CLI names the steward-cli to test");
        STEWARD_VERIFY(m_fixture.setUp());
    }

    void writesEveryFormatWithoutADisplay()
    {
        for (const QString &format : {u"csv"_s, u"json"_s, u"html"_s, u"pdf"_s}) {
            const QString out = m_fixture.path(u"cli-report."_s + format);
            const Run run =
                cli({u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, format, u"--out"_s, out, u"--from"_s,
                     u"2025-03-02"_s, u"--to"_s, u"2025-03-04"_s, u"--user"_s, ReportFixture::reader()});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY(QFileInfo(out).size() > 0);
            QVERIFY2(run.out.contains(QFileInfo(out).absoluteFilePath()), qPrintable(run.out)); // says where
            QVERIFY2(!run.err.contains(u"display"_s, Qt::CaseInsensitive), qPrintable(run.err));
        }
        QFile json(m_fixture.path(u"cli-report.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(root.value(u"generatedBy"_s).toString(), ReportFixture::reader());
        auto expected = m_fixture.decisions(ReportFixture::period());
        QVERIFY(expected);
        QCOMPARE(root.value(u"decisions"_s).toArray().size(), expected.value().size());
        // The helper's formats hold the same decisions as the CLI's own.
        QFile html(m_fixture.path(u"cli-report.html"_s));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray page = html.readAll();
        QCOMPARE(page.count("data-approval-id=\""), expected.value().size());
        for (const StoredDecision &decision : expected.value())
            QVERIFY2(page.contains("data-approval-id=\"" + decision.id.toUtf8() + '"'), qPrintable(decision.id));
    }

    void theGeneratingUserDefaultsToTheOperatingSystemUser()
    {
        const QString out = m_fixture.path(u"os-user.json"_s);
        QProcessEnvironment environment = cronEnvironment();
        environment.insert(u"USER"_s, u"nightly.batch"_s);
        environment.remove(u"STEWARD_USER"_s);
        const Run run =
            cli({u"report"_s, u"--kind"_s, u"quality"_s, u"--format"_s, u"json"_s, u"--out"_s, out}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile json(out);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(root.value(u"generatedBy"_s).toString(), u"nightly.batch"_s);
        // No --from/--to: the last 30 days up to today.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QCOMPARE(root.value(u"period"_s).toObject().value(u"to"_s).toString(), today.toString(Qt::ISODate));
        QCOMPARE(root.value(u"period"_s).toObject().value(u"from"_s).toString(),
                 today.addDays(-29).toString(Qt::ISODate));
    }

    void badDatesAndDestinationsAreRefusedInOneLine_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = u"--out"_s;
        QTest::newRow("from not a date") << u"csv"_s << QStringList{u"--from"_s, u"2025-13-01"_s} << Usage
                                         << u"--from must be a date as YYYY-MM-DD, not \"2025-13-01\""_s;
        QTest::newRow("to in another shape") << u"csv"_s << QStringList{u"--to"_s, u"03/04/2025"_s} << Usage
                                             << u"--to must be a date as YYYY-MM-DD"_s;
        QTest::newRow("from after to") << u"csv"_s
                                       << QStringList{u"--from"_s, u"2025-03-05"_s, u"--to"_s, u"2025-03-01"_s} << Usage
                                       << u"--from 2025-03-05 is after --to 2025-03-01"_s;
        QTest::newRow("no such folder") << u"csv"_s << QStringList{u"--from"_s, u"2025-03-01"_s} << Usage
                                        << u"does not exist"_s;
        // Refused by the rendering helper: the same status and line reach the caller.
        QTest::newRow("no such folder, pdf") << u"pdf"_s << QStringList{u"--from"_s, u"2025-03-01"_s} << Usage
                                             << u"does not exist"_s;
    }

    void badDatesAndDestinationsAreRefusedInOneLine()
    {
        QFETCH(QString, format);
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString out = QByteArray(QTest::currentDataTag()).startsWith("no such folder")
                                ? m_fixture.path(u"missing/report."_s + format)
                                : m_fixture.path(u"refused."_s + format);
        const Run run =
            cli(QStringList{u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, format, u"--out"_s, out} +
                arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count(u'\n'), 0); // one line
        QVERIFY(!QFile::exists(out));
    }

    void theCliNeedsNoQtGui()
    {
        const QStringList cli = neededLibraries(m_cli);
        QVERIFY2(cli.contains(u"libQt6Core.so.6"_s), // readelf answered
                 qPrintable(u"readelf -d %1 gave no NEEDED entries (install binutils): %2"_s.arg(m_cli, cli.join(u", "_s))));
        QVERIFY2(cli.filter(kGuiLibrary).isEmpty(), qPrintable(u"steward-cli needs "_s + cli.join(u", "_s)));
        // The check sees Qt Gui where it is: in the helper that renders.
        const QString helper = qEnvironmentVariable("STEWARD_RENDER_HELPER");
        QVERIFY2(!neededLibraries(helper).filter(kGuiLibrary).isEmpty(), qPrintable(helper));
    }

    void onlyTheRenderingHelperLoadsQtGui_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("renders");
        const auto report = [this](const QString &kind, const QString &format) {
            return QStringList{u"report"_s, u"--kind"_s, kind,          u"--format"_s, format,
                               u"--out"_s,  m_fixture.path(u"loaded-%1.%2"_s.arg(kind, format))};
        };
        QTest::newRow("csv") << report(u"approvals"_s, u"csv"_s) << false;
        QTest::newRow("json") << report(u"quality"_s, u"json"_s) << false;
        QTest::newRow("list") << QStringList{u"list"_s, u"--status"_s, u"all"_s} << false;
        QTest::newRow("events") << QStringList{u"events"_s, u"--type"_s, u"approval.*"_s} << false;
        QTest::newRow("pdf") << report(u"approvals"_s, u"pdf"_s) << true;
        QTest::newRow("html") << report(u"quality"_s, u"html"_s) << true;
    }

    void onlyTheRenderingHelperLoadsQtGui()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, renders);
        QProcessEnvironment environment = cronEnvironment();
        environment.insert(u"LD_DEBUG"_s, u"files"_s);
        const Run run = cli(arguments, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));

        const QMultiHash<qint64, QString> loaded = loadedLibraries(run.err);
        QVERIFY2(loaded.values(run.pid).filter(u"libQt6Core"_s).size() > 0, "LD_DEBUG gave no loader log");
        const QStringList cliGui = loaded.values(run.pid).filter(kGuiLibrary);
        QVERIFY2(cliGui.isEmpty(), qPrintable(u"steward-cli loaded "_s + cliGui.join(u", "_s)));
        const QStringList anyGui = loaded.values().filter(kGuiLibrary);
        if (!renders) {
            QVERIFY2(anyGui.isEmpty(), qPrintable(u"a process loaded "_s + anyGui.join(u", "_s)));
            return;
        }
        QVERIFY2(!anyGui.isEmpty(), "the rendering helper did not load Qt Gui: did the check miss it?");
        QFile file(arguments.constLast());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray start = file.read(64);
        QVERIFY2(start.startsWith("%PDF-") || start.startsWith("<!DOCTYPE html>"), start.constData());
    }

    void aPdfReportWorksFromTheInstalledTree()
    {
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        QProcess install;
        install.start(QStringLiteral(STEWARD_CMAKE_COMMAND), {u"--install"_s, QStringLiteral(STEWARD_BUILD_DIR),
                                                              u"--prefix"_s, prefix.path(), u"--component"_s, u"cli"_s});
        QVERIFY(install.waitForFinished(120000));
        QVERIFY2(install.exitCode() == 0, install.readAllStandardError().constData());
        const QString installedCli = prefix.filePath(u"bin/steward-cli"_s);
        const QString installedHelper = prefix.filePath(u"lib/metadata-steward/steward-render"_s);
        QVERIFY(QFileInfo(installedCli).isExecutable());
        QVERIFY(QFileInfo(installedHelper).isExecutable());
        QVERIFY(!QFileInfo::exists(prefix.filePath(u"bin/steward-render"_s))); // not on PATH

        const QString out = m_fixture.path(u"installed.pdf"_s);
        const QStringList arguments{u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, u"pdf"_s, u"--out"_s,
                                    out,         u"--from"_s, u"2025-03-02"_s, u"--to"_s,    u"2025-03-04"_s};
        const Run run = cli(arguments, {}, installedCli);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile pdf(out);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");

        // Without its helper the CLI says what is missing, and still writes the data formats.
        QVERIFY(QFile::remove(installedHelper));
        const Run missing = cli(arguments, {}, installedCli);
        QCOMPARE(missing.exitCode, Unavailable);
        QVERIFY2(missing.err.contains(u"steward-render is missing"_s), qPrintable(missing.err));
        QCOMPARE(missing.err.trimmed().count(u'\n'), 0);
        const Run csv = cli({u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, u"csv"_s, u"--out"_s,
                             m_fixture.path(u"installed.csv"_s)},
                            {}, installedCli);
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
    }

private:
    QProcessEnvironment cronEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            environment.remove(name);
        return environment;
    }

    Run cli(const QStringList &arguments, const QProcessEnvironment &environment = {}, const QString &program = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment.isEmpty() ? cronEnvironment() : environment);
        process.start(program.isEmpty() ? m_cli : program,
                      QStringList{u"--db"_s, m_fixture.databaseFor(ReportFixture::reader())} + arguments);
        Run run;
        run.pid = process.processId();
        if (!process.waitForFinished(120000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString m_cli;
    ReportFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
