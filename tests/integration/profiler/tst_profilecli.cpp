// steward-cli profile KEY|--due [--now] [--sample N], run as a child process on a
// database whose warehouse table has known counts: what a user reads, and the exit status.

#include "ProfilerFixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using steward::testing::ProfilerFixture;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The exit statuses steward-cli documents in --help.
constexpr int Usage = 2;
constexpr int NotFound = 4;
constexpr int Unavailable = 6;

const QString kQuantity = u"fin.ledger.quantity"_s;
const QString kCurrency = u"fin.ledger.currency"_s;

} // namespace

class ProfileCliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dueProfilesEveryDueFieldAndPrintsItsMetrics();
    void aRecentlyProfiledFieldIsSkippedUnlessNow();
    void nowRunsAgainAsTheGivenUserAndCanSample();
    void aFailedRunExitsNonZeroWithOneLine();
    void mistakesAreUsageOrNotFoundErrors();

private:
    Run cli(const QStringList &arguments);
    static void verifyOneLineError(const Run &run, int exitCode);

    ProfilerFixture m_fixture;
    QString m_cli;
};

void ProfileCliTest::initTestCase()
{
    m_cli = qEnvironmentVariable("STEWARD_CLI");
    QVERIFY2(!m_cli.isEmpty(), "STEWARD_CLI must name the steward-cli executable (ctest sets it)");
    QVERIFY2(QFileInfo(m_cli).isExecutable(), qPrintable(m_cli));

    const Status ready = m_fixture.setUp();
    QVERIFY2(!ready, ready ? qPrintable(ready->text()) : "");
    // quantity: NULL every 10th row, else row % 250 (225 distinct values, all INTEGER).
    // currency: NULL every 20th row, 'XXX' on rows 3, 28, 53, ... (40), else EUR/USD/GBP.
    const Status table = m_fixture.createTable(
        u"ledger"_s, {{u"quantity"_s, u"INTEGER"_s}, {u"currency"_s, u"TEXT"_s}}, 1000, [](qint64 row, int column) {
            if (column == 0)
                return row % 10 == 0 ? QVariant() : QVariant(row % 250);
            if (row % 20 == 0)
                return QVariant();
            if (row % 25 == 3)
                return QVariant(u"XXX"_s);
            return QVariant(QStringList{u"EUR"_s, u"USD"_s, u"GBP"_s}.at(int(row % 3)));
        });
    QVERIFY2(!table, table ? qPrintable(table->text()) : "");
    for (const Status &added :
         {m_fixture.addField(kQuantity, Tier::Tier1, u"ledger"_s, u"quantity"_s, u"INTEGER"_s),
          m_fixture.addField(kCurrency, Tier::Tier3, u"ledger"_s, u"currency"_s, u"TEXT"_s),
          m_fixture.addRule(u"rule.ledger.currency_iso"_s, kCurrency, u"enum"_s,
                            QJsonObject{{u"values"_s, QJsonArray{u"EUR"_s, u"USD"_s, u"GBP"_s}}})}) {
        QVERIFY2(!added, added ? qPrintable(added->text()) : "");
    }
}

Run ProfileCliTest::cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"STEWARD_TENANT"_s);
    environment.remove(u"STEWARD_USER"_s);
    environment.insert(u"XDG_DATA_HOME"_s, m_fixture.metadataPath() + u".data-home"_s);
    process.setProcessEnvironment(environment);
    process.start(m_cli, QStringList{u"--db"_s, u"sqlite:"_s + m_fixture.metadataPath()} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.closeWriteChannel();
    if (!process.waitForFinished(30000))
        process.kill();
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void ProfileCliTest::verifyOneLineError(const Run &run, int exitCode)
{
    QVERIFY2(run.exitCode == exitCode,
             qPrintable(u"exit %1, expected %2; stderr: %3"_s.arg(run.exitCode).arg(exitCode).arg(run.err)));
    QVERIFY2(run.err.startsWith(u"steward-cli: "_s), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
}

void ProfileCliTest::dueProfilesEveryDueFieldAndPrintsItsMetrics()
{
    const Run due = cli({u"profile"_s, u"--due"_s});
    QVERIFY2(due.exitCode == 0, qPrintable(due.err));
    QCOMPARE(due.err, QString());

    // Most critical first; each field with its status, tier and trigger, then its figures.
    const QStringList lines = due.out.split(u'\n');
    const qsizetype quantity = lines.indexOf(u"%1  completed  tier1  schedule"_s.arg(kQuantity));
    const qsizetype currency = lines.indexOf(u"%1  completed  tier3  schedule"_s.arg(kCurrency));
    QVERIFY2(quantity >= 0 && currency > quantity, qPrintable(due.out));

    auto field = [&](qsizetype from, const QString &label) {
        for (qsizetype i = from + 1; i < lines.size() && lines.at(i).startsWith(u"  "_s); ++i) {
            const QString line = lines.at(i).trimmed();
            if (line.startsWith(label + u"  "_s) || line.startsWith(label + u' '))
                return line.mid(label.size()).trimmed();
        }
        return QString();
    };
    // quantity: 900 of 1000 non-null, 225 distinct, all valid; score (0.4*90 + 0.4*100) / 0.8.
    QCOMPARE(field(quantity, u"rows"_s), u"1000"_s);
    QCOMPARE(field(quantity, u"completeness"_s), u"90.00%"_s);
    QCOMPARE(field(quantity, u"uniqueness"_s), u"25.00%"_s);
    QCOMPARE(field(quantity, u"validity"_s), u"100.00%"_s);
    QCOMPARE(field(quantity, u"score"_s), u"95.00"_s);
    QCOMPARE(field(quantity, u"grade"_s), u"A"_s);
    QVERIFY(field(quantity, u"duration"_s).endsWith(u" ms"_s));
    // currency: 950 non-null, 40 outside the enum: validity 910/950.
    QCOMPARE(field(currency, u"completeness"_s), u"95.00%"_s);
    QCOMPARE(field(currency, u"validity"_s), u"95.79%"_s);
    QCOMPARE(field(currency, u"score"_s), u"95.39"_s);
    QCOMPARE(field(currency, u"rule.ledger.currency_iso (enum)"_s), u"40 violations of 950 checked"_s);

    // Nothing is due any more.
    const Run again = cli({u"profile"_s, u"--due"_s});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains(u"No field"_s), qPrintable(again.out));
}

void ProfileCliTest::aRecentlyProfiledFieldIsSkippedUnlessNow()
{
    const Run skipped = cli({u"profile"_s, kQuantity});
    QVERIFY2(skipped.exitCode == 0, qPrintable(skipped.err));
    QVERIFY2(skipped.out.startsWith(u"%1  skipped\n"_s.arg(kQuantity)), qPrintable(skipped.out));
    QVERIFY2(skipped.out.contains(u"12 hours"_s), qPrintable(skipped.out));
    QVERIFY2(skipped.out.contains(u"steward-cli profile %1 --now"_s.arg(kQuantity)), qPrintable(skipped.out));

    const Run events = cli({u"events"_s, u"--type"_s, u"metadata.profile.skipped"_s, u"--json"_s});
    QCOMPARE(events.exitCode, 0);
    const QStringList lines = events.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QJsonObject event = QJsonDocument::fromJson(lines.constFirst().toUtf8()).object();
    QCOMPARE(event[u"payload"_s][u"canonicalKey"_s].toString(), kQuantity);
    QVERIFY(!event[u"payload"_s][u"lastCompletedAt"_s].toString().isEmpty());
}

void ProfileCliTest::nowRunsAgainAsTheGivenUserAndCanSample()
{
    const Run now =
        cli({u"profile"_s, kQuantity, u"--now"_s, u"--sample"_s, u"100"_s, u"--user"_s, ProfilerFixture::requester()});
    QVERIFY2(now.exitCode == 0, qPrintable(now.err));
    QVERIFY2(now.out.startsWith(u"%1  completed  tier1  manual\n"_s.arg(kQuantity)), qPrintable(now.out));
    QVERIFY2(now.out.contains(u"sampled of 1000"_s), qPrintable(now.out));

    const Run events = cli({u"events"_s, u"--type"_s, u"metadata.profile.completed"_s, u"--json"_s});
    const QStringList lines = events.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3); // two from --due, one now
    const QJsonObject last = QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
    QCOMPARE(last[u"actor"_s][u"actorId"_s].toString(), ProfilerFixture::requester());
    QCOMPARE(last[u"payload"_s][u"trigger"_s].toString(), u"manual"_s);
    QCOMPARE(last[u"payload"_s][u"rowCount"_s].toInteger(), qint64(1000));
}

void ProfileCliTest::aFailedRunExitsNonZeroWithOneLine()
{
    const QString broken = u"fin.ledger.broken"_s;
    const Status added = m_fixture.addField(broken, Tier::Tier2, u"ledger"_s, u"no_such_column"_s, u"TEXT"_s);
    QVERIFY2(!added, added ? qPrintable(added->text()) : "");

    const Run failed = cli({u"profile"_s, broken, u"--now"_s});
    verifyOneLineError(failed, Unavailable);
    QVERIFY2(failed.err.contains(broken) && failed.err.contains(u"no_such_column"_s), qPrintable(failed.err));
    QVERIFY2(failed.out.startsWith(u"%1  failed"_s.arg(broken)), qPrintable(failed.out));

    // --due runs it too (a failed run does not count as profiled) and fails the same way.
    const Run due = cli({u"profile"_s, u"--due"_s});
    verifyOneLineError(due, Unavailable);
    QVERIFY2(due.err.contains(u"no_such_column"_s), qPrintable(due.err));
}

void ProfileCliTest::mistakesAreUsageOrNotFoundErrors()
{
    verifyOneLineError(cli({u"profile"_s}), Usage);
    verifyOneLineError(cli({u"profile"_s, u"--due"_s, kQuantity}), Usage);
    verifyOneLineError(cli({u"profile"_s, kQuantity, kCurrency}), Usage);
    verifyOneLineError(cli({u"profile"_s, kQuantity, u"--sample"_s, u"0"_s}), Usage);
    verifyOneLineError(cli({u"profile"_s, kQuantity, u"--json"_s}), Usage);
    const Run unknown = cli({u"profile"_s, u"no.such.field"_s, u"--now"_s});
    verifyOneLineError(unknown, NotFound);
    QVERIFY2(unknown.err.contains(u"no.such.field"_s), qPrintable(unknown.err));
    const Run stranger = cli({u"profile"_s, kQuantity, u"--now"_s, u"--user"_s, u"nobody"_s});
    QVERIFY2(stranger.exitCode == 3, qPrintable(stranger.err));
}

QTEST_GUILESS_MAIN(ProfileCliTest)
#include "tst_profilecli.moc"
