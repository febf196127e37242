// The data quality report on the demo database (its profile runs and alerts), in every
// format, read back and compared with the database through the test's own SQL. On a team
// database (tst_qualityreport_postgresql) the schema's owner seeds the demo, with the
// warehouse file beside the test's folder, and the report reads as a Northwind viewer.

#include "ReportFixture.h"
#include "ReportRenderer.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoSeeder.h"
#include "demo/FirstRun.h"
#include "demo/WarehouseSeeder.h"
#include "report/CsvReport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString pdfText(const QString &path, QString *error)
{
    const QString program = QStringLiteral(STEWARD_PDFTOTEXT);
    if (program.isEmpty()) {
        *error = u"pdftotext not found at configure time; install poppler-utils and re-run cmake"_s;
        return {};
    }
    QProcess process;
    process.start(program, {path, u"-"_s});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestQualityReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DatabaseUrl url = DatabaseUrl::sqlite(m_dir.filePath(u"demo.db"_s));
        if (const auto team = postgresUnderTest()) {
            STEWARD_VERIFY(m_copy.create(*team));
            auto owner = Database::open(m_copy.as(TeamDatabaseCopy::OwnerLogin));
            QVERIFY2(owner, owner ? "" : qPrintable(owner.error().text()));
            DemoSeeder seeder(*owner.value());
            seeder.setWarehousePath(WarehouseSeeder::pathBeside(url.path));
            auto seeded = seeder.seed();
            QVERIFY2(seeded, seeded ? "" : qPrintable(seeded.error().text()));
            url = m_copy.as(u"mei.chen"_s);
        } else {
            // What a desktop does on its first start.
            auto prepared = prepareDatabase(url, true);
            QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().text()));
        }
        auto opened = Database::open(url);
        QVERIFY(opened);
        m_database = std::move(opened.value());
        STEWARD_VERIFY(m_database->signIn(demo::northwindTenantId()));
        m_period = report::ReportPeriod::lastDays(30, QDateTime::currentDateTimeUtc());

        // Each field's latest completed, scored run up to the end of the period.
        auto latest = m_database->run(
            u"SELECT p.canonical_key, p.quality_score FROM mdm_profile p WHERE p.tenant_id = ? AND p.status = "
            u"'completed' AND p.quality_score IS NOT NULL AND p.created_at = (SELECT MAX(q.created_at) FROM "
            u"mdm_profile q WHERE q.tenant_id = p.tenant_id AND q.canonical_key = p.canonical_key AND q.status = "
            u"'completed' AND q.quality_score IS NOT NULL AND q.created_at < ?)"_s,
            {uuidText(demo::northwindTenantId()), toIsoTimestamp(m_period.window().to)});
        QVERIFY(latest);
        while (latest.value().next())
            m_scores.insert(latest.value().value(0).toString(), latest.value().value(1).toDouble());
        QVERIFY2(m_scores.size() >= 10, "the demo profiles its fields");
        auto alerts = m_database->run(u"SELECT COUNT(*) FROM mdm_alert WHERE tenant_id = ? AND state = 'firing'"_s,
                                      {uuidText(demo::northwindTenantId())});
        QVERIFY(alerts && alerts.value().next());
        m_openAlerts = alerts.value().value(0).toInt();
    }

    void jsonMatchesTheProfilesInTheDatabase()
    {
        const QJsonObject root = render(report::ReportFormat::Json);
        QCOMPARE(root.value(u"report"_s).toString(), u"quality"_s);
        QCOMPARE(root.value(u"tenant"_s).toObject().value(u"name"_s).toString(), u"Northwind Finance"_s);
        QCOMPARE(root.value(u"period"_s).toObject().value(u"from"_s).toString(), m_period.fromText());
        QCOMPARE(root.value(u"empty"_s).toBool(), false);
        const QJsonObject summary = root.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"fields"_s).toInt(), m_scores.size());
        QCOMPARE(summary.value(u"openAlerts"_s).toInt(), m_openAlerts);
        int below = 0;
        for (const double score : std::as_const(m_scores))
            below += std::round(score * 10) / 10 < 80.0 ? 1 : 0;
        QCOMPARE(summary.value(u"belowThreshold"_s).toInt(), below);

        const QJsonArray listed = root.value(u"fieldsBelowThreshold"_s).toArray();
        QCOMPARE(listed.size(), below);
        double previous = -1;
        for (const QJsonValue &value : listed) {
            const QJsonObject field = value.toObject();
            const QString key = field.value(u"canonicalKey"_s).toString();
            QVERIFY(m_scores.contains(key));
            QCOMPARE(field.value(u"score"_s).toDouble(), std::round(m_scores.value(key) * 10) / 10);
            QVERIFY(field.value(u"score"_s).toDouble() >= previous); // worst first
            previous = field.value(u"score"_s).toDouble();
        }
        // The tiers' field counts add up to every measured field.
        int counted = 0;
        for (const QJsonValue &tier : summary.value(u"tiers"_s).toArray())
            counted += tier.toObject().value(u"fields"_s).toInt();
        QCOMPARE(counted, m_scores.size());
        // The worst fields carry their rules' outcomes; trends carry the page's series.
        const QJsonArray worst = root.value(u"worstFields"_s).toArray();
        QCOMPARE(worst.size(), std::min<qsizetype>(10, m_scores.size()));
        QVERIFY(worst.at(0).toObject().contains(u"rules"_s));
        QVERIFY(!root.value(u"trends"_s).toObject().value(u"tierDailyAverage"_s).toArray().isEmpty());
        QCOMPARE(root.value(u"openAlerts"_s).toArray().size(), m_openAlerts);
    }

    void csvHasOneRowPerField()
    {
        const QString path = m_dir.filePath(u"quality.csv"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(*m_database, request(report::ReportFormat::Csv), path));
        const QList<QStringList> records = parseCsv(readAll(path));
        QCOMPARE(records.constFirst(), report::CsvReport::qualityColumns());
        QCOMPARE(records.size(), m_scores.size() + 1);
        const int key = int(records.constFirst().indexOf(u"canonical_key"_s));
        const int score = int(records.constFirst().indexOf(u"score"_s));
        for (qsizetype i = 1; i < records.size(); ++i)
            QCOMPARE(records.at(i).at(score).toDouble(), std::round(m_scores.value(records.at(i).at(key)) * 10) / 10);
    }

    void htmlAndPdfShowTheSameFields()
    {
        const QString htmlPath = m_dir.filePath(u"quality.html"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(*m_database, request(report::ReportFormat::Html), htmlPath));
        const QByteArray html = readAll(htmlPath);
        QCOMPARE(html.count("<svg"), 3); // tier trend, grades by domain, runs per day
        const QJsonArray below = render(report::ReportFormat::Json).value(u"fieldsBelowThreshold"_s).toArray();
        QVERIFY(!below.isEmpty());
        const QString worst = below.at(0).toObject().value(u"canonicalKey"_s).toString();
        QVERIFY(html.contains(worst.toUtf8()));

        const QString pdfPath = m_dir.filePath(u"quality.pdf"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(*m_database, request(report::ReportFormat::Pdf), pdfPath));
        QString error;
        const QString text = pdfText(pdfPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(u"pdftotext: "_s + error));
        for (const QString &expected : {u"Data quality report"_s, u"Northwind Finance"_s, m_period.displayText(),
                                        u"Average quality score per tier and day"_s, u"Fields below threshold"_s,
                                        u"Rule failures of the worst fields"_s, worst})
            QVERIFY2(text.contains(expected), qPrintable(expected));
    }

    void aPeriodBeforeAnyMeasurementSaysSo()
    {
        report::ReportRequest quiet = request(report::ReportFormat::Json);
        quiet.period = report::ReportPeriod{QDate(2001, 1, 1), QDate(2001, 1, 31)};
        const QString path = m_dir.filePath(u"quiet.json"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(*m_database, quiet, path));
        const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(root.value(u"empty"_s).toBool(), true);
        QCOMPARE(root.value(u"summary"_s).toObject().value(u"fields"_s).toInt(), 0);

        quiet.format = report::ReportFormat::Pdf;
        const QString pdfPath = m_dir.filePath(u"quiet.pdf"_s);
        STEWARD_VERIFY(report::ReportRenderer::renderFile(*m_database, quiet, pdfPath));
        QString error;
        QVERIFY(pdfText(pdfPath, &error).contains(u"No quality measurements for this period."_s));
    }

private:
    report::ReportRequest request(report::ReportFormat format) const
    {
        report::ReportRequest request;
        request.kind = report::ReportKind::Quality;
        request.format = format;
        request.tenantId = demo::northwindTenantId();
        request.period = m_period;
        request.generatedBy = u"lena.fischer"_s;
        return request;
    }

    QJsonObject render(report::ReportFormat format)
    {
        const QString path = m_dir.filePath(u"quality."_s + report::toString(format));
        const Status failed = report::ReportRenderer::renderFile(*m_database, request(format), path);
        if (failed)
            qWarning("%s", qPrintable(failed->text()));
        return QJsonDocument::fromJson(readAll(path)).object();
    }

    QTemporaryDir m_dir;
    TeamDatabaseCopy m_copy; // declared before the connection to it, so dropped after it
    std::unique_ptr<Database> m_database;
    report::ReportPeriod m_period;
    QHash<QString, double> m_scores;
    int m_openAlerts = 0;
};

QTEST_MAIN(TestQualityReport)
#include "tst_qualityreport.moc"
