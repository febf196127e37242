// steward-cli report end to end: the real executable in a child process, as cron runs it
// (no display: neither DISPLAY nor QT_QPA_PLATFORM set), on the report fixture's database.

#include "ReportFixture.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

constexpr int Usage = 2;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

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
            const Run run = cli({u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, format, u"--out"_s, out,
                                 u"--from"_s, u"2025-03-02"_s, u"--to"_s, u"2025-03-04"_s, u"--user"_s, u"cron.job"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY(QFileInfo(out).size() > 0);
            QVERIFY2(run.out.contains(QFileInfo(out).absoluteFilePath()), qPrintable(run.out)); // says where
            QVERIFY2(!run.err.contains(u"display"_s, Qt::CaseInsensitive), qPrintable(run.err));
        }
        QFile json(m_fixture.path(u"cli-report.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(root.value(u"generatedBy"_s).toString(), u"cron.job"_s);
        auto expected = m_fixture.decisions(ReportFixture::period());
        QVERIFY(expected);
        QCOMPARE(root.value(u"decisions"_s).toArray().size(), expected.value().size());
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
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = u"--out"_s;
        QTest::newRow("from not a date") << QStringList{u"--from"_s, u"2025-13-01"_s} << Usage
                                         << u"--from must be a date as YYYY-MM-DD, not \"2025-13-01\""_s;
        QTest::newRow("to in another shape")
            << QStringList{u"--to"_s, u"03/04/2025"_s} << Usage << u"--to must be a date as YYYY-MM-DD"_s;
        QTest::newRow("from after to") << QStringList{u"--from"_s, u"2025-03-05"_s, u"--to"_s, u"2025-03-01"_s} << Usage
                                       << u"--from 2025-03-05 is after --to 2025-03-01"_s;
        QTest::newRow("no such folder") << QStringList{u"--from"_s, u"2025-03-01"_s} << Usage << u"does not exist"_s;
    }

    void badDatesAndDestinationsAreRefusedInOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString out = QTest::currentDataTag() == QByteArray("no such folder")
                                ? m_fixture.path(u"missing/report.csv"_s)
                                : m_fixture.path(u"refused.csv"_s);
        const Run run =
            cli(QStringList{u"report"_s, u"--kind"_s, u"approvals"_s, u"--format"_s, u"csv"_s, u"--out"_s, out} +
                arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count(u'\n'), 0); // one line
        QVERIFY(!QFile::exists(out));
    }

private:
    QProcessEnvironment cronEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            environment.remove(name);
        return environment;
    }

    Run cli(const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment.isEmpty() ? cronEnvironment() : environment);
        process.start(m_cli, QStringList{u"--db"_s, u"sqlite:"_s + m_fixture.database().url().path} + arguments);
        Run run;
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
