// steward-cli serve on a demo database, as a user runs it: GET /metrics parsed as
// Prometheus reads it (every SPEC name with its TYPE and exact labels, SPEC buckets,
// cumulative counts, the score gauge equal to the latest profile), /healthz, errors,
// a port already taken, and a clean stop on SIGTERM.

#include "ExpositionParser.h"
#include "MetricsTesting.h"
#include "demo/DemoCatalog.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

constexpr int Usage = 2;
constexpr int Unavailable = 6;

const QString kProfiledKey = u"gl.journal_line.amount"_s;

struct SpecMetric
{
    QString name;
    QString type;
    QStringList labels;
};

// SPEC section 6, written out here rather than taken from the code under test.
const QList<SpecMetric> kSpec{
    {u"metadata_quality_score"_s, u"gauge"_s, {u"tenant_id"_s, u"canonical_key"_s, u"tier"_s, u"domain"_s}},
    {u"metadata_quality_score_distribution"_s, u"histogram"_s, {u"tenant_id"_s, u"tier"_s, u"domain"_s}},
    {u"metadata_profile_runs_total"_s, u"counter"_s, {u"tenant_id"_s, u"tier"_s, u"status"_s}},
    {u"metadata_profile_duration_seconds"_s, u"histogram"_s, {u"tenant_id"_s, u"tier"_s}},
    {u"metadata_approvals_pending"_s, u"gauge"_s, {u"tenant_id"_s, u"entity_type"_s, u"tier"_s}},
    {u"metadata_approval_decisions_total"_s, u"counter"_s, {u"tenant_id"_s, u"entity_type"_s, u"decision"_s}},
    {u"metadata_quality_alert_threshold"_s, u"gauge"_s, {u"tenant_id"_s, u"line"_s}},
};

const QMap<QString, QStringList> kBuckets{
    {u"metadata_quality_score_distribution"_s,
     {u"0"_s, u"25"_s, u"50"_s, u"75"_s, u"90"_s, u"95"_s, u"99"_s, u"100"_s, u"+Inf"_s}},
    {u"metadata_profile_duration_seconds"_s,
     {u"0.1"_s, u"0.5"_s, u"1"_s, u"2"_s, u"5"_s, u"10"_s, u"30"_s, u"60"_s, u"+Inf"_s}},
};

QStringList sortedKeys(const QMap<QString, QString> &labels)
{
    QStringList keys = labels.keys();
    keys.sort();
    return keys;
}

QString seriesKey(const QMap<QString, QString> &labels, const QString &without)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() != without)
            parts << it.key() + u'=' + it.value();
    }
    return parts.join(u',');
}

} // namespace

class MetricsServeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void metricsAreServedInTheTextFormat();
    void everySpecMetricHasItsTypeAndExactLabels();
    void histogramsHaveSpecBucketsCumulativeUpToCount();
    void theScoreGaugeIsTheLatestProfileScore();
    void everyTenantIsCovered();
    void healthzAnswersWhileTheDatabaseDoes();
    void unknownPathsAndOtherMethodsAreRefused();
    void aPortInUseIsAOneLineUnavailableError();
    void aBadBindAddressIsAUsageError();

private:
    CliFixture m_cli;
    QNetworkAccessManager m_network;
    std::unique_ptr<QProcess> m_serve;
    QUrl m_url;
    HttpReply m_metrics;
    ParsedExposition m_parsed;
};

void MetricsServeTest::initTestCase()
{
    const QString problem = m_cli.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const CliRun demo = m_cli.run({u"init-demo"_s});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    const CliRun profile = m_cli.run({u"profile"_s, kProfiledKey, u"--now"_s});
    QVERIFY2(profile.exitCode == 0, qPrintable(profile.out + profile.err));

    QString why;
    m_serve = m_cli.startServe({u"--port"_s, u"0"_s}, m_url, why);
    QVERIFY2(m_serve, qPrintable(why));
    QCOMPARE(m_url.scheme(), u"http"_s);
    QCOMPARE(m_url.host(), u"127.0.0.1"_s); // loopback unless told otherwise
    QVERIFY2(m_url.port() > 0, qPrintable(m_url.toString()));

    m_metrics = httpRequest(m_network, "GET", m_url.resolved(QUrl(u"/metrics"_s)));
    QVERIFY2(m_metrics.error.isEmpty(), qPrintable(m_metrics.error));
    m_parsed = parseExposition(m_metrics.body);
}

void MetricsServeTest::cleanupTestCase()
{
    if (!m_serve)
        return;
    QString why;
    const bool clean = terminateCleanly(*m_serve, why);
    const QByteArray errors = m_serve->readAllStandardError();
    m_serve.reset();
    QVERIFY2(clean, qPrintable(why));
    QVERIFY2(errors.isEmpty(), errors.constData());
}

void MetricsServeTest::metricsAreServedInTheTextFormat()
{
    QCOMPARE(m_metrics.status, 200);
    QCOMPARE(m_metrics.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY2(m_parsed.error.isEmpty(), qPrintable(m_parsed.error));
    QVERIFY(!m_parsed.samples.isEmpty());
}

void MetricsServeTest::everySpecMetricHasItsTypeAndExactLabels()
{
    QCOMPARE(QSet<QString>(m_parsed.types.keyBegin(), m_parsed.types.keyEnd()).size(), kSpec.size());
    for (const SpecMetric &metric : kSpec) {
        QVERIFY2(m_parsed.types.contains(metric.name), qPrintable(metric.name));
        QCOMPARE(m_parsed.types.value(metric.name), metric.type);
        QVERIFY2(!m_parsed.help.value(metric.name).isEmpty(), qPrintable(metric.name));

        const bool histogram = metric.type == u"histogram"_s;
        const QString sampleName = histogram ? metric.name + u"_bucket"_s : metric.name;
        QStringList expected = metric.labels;
        if (histogram)
            expected << u"le"_s;
        expected.sort();
        const auto samples = m_parsed.named(sampleName);
        QVERIFY2(!samples.isEmpty(), qPrintable(sampleName));
        for (const ParsedSample &sample : samples)
            QCOMPARE(sortedKeys(sample.labels), expected);
        if (histogram) {
            QStringList plain = metric.labels;
            plain.sort();
            for (const QString &suffix : {u"_sum"_s, u"_count"_s}) {
                QVERIFY2(!m_parsed.named(metric.name + suffix).isEmpty(), qPrintable(metric.name + suffix));
                for (const ParsedSample &sample : m_parsed.named(metric.name + suffix))
                    QCOMPARE(sortedKeys(sample.labels), plain);
            }
        }
    }
    // Nothing but SPEC names.
    for (const ParsedSample &sample : m_parsed.samples)
        QVERIFY2(sample.name.startsWith(u"metadata_"_s), qPrintable(sample.name));
}

void MetricsServeTest::histogramsHaveSpecBucketsCumulativeUpToCount()
{
    for (auto spec = kBuckets.cbegin(); spec != kBuckets.cend(); ++spec) {
        const QString &name = spec.key();
        QMap<QString, QList<ParsedSample>> bySeries;
        for (const ParsedSample &bucket : m_parsed.named(name + u"_bucket"_s))
            bySeries[seriesKey(bucket.labels, u"le"_s)].append(bucket);
        QVERIFY2(!bySeries.isEmpty(), qPrintable(name));

        for (auto series = bySeries.cbegin(); series != bySeries.cend(); ++series) {
            const QList<ParsedSample> &buckets = series.value();
            QStringList les;
            for (const ParsedSample &bucket : buckets)
                les << bucket.labels.value(u"le"_s);
            QCOMPARE(les, spec.value());
            for (qsizetype i = 1; i < buckets.size(); ++i)
                QVERIFY2(buckets.at(i).value >= buckets.at(i - 1).value,
                         qPrintable(u"%1{%2} not cumulative at le=%3"_s.arg(name, series.key(), les.at(i))));

            double countValue = -1;
            double sumValue = -1;
            for (const ParsedSample &sample : m_parsed.named(name + u"_count"_s)) {
                if (seriesKey(sample.labels, {}) == series.key())
                    countValue = sample.value;
            }
            for (const ParsedSample &sample : m_parsed.named(name + u"_sum"_s)) {
                if (seriesKey(sample.labels, {}) == series.key())
                    sumValue = sample.value;
            }
            QCOMPARE(countValue, buckets.last().value);
            QVERIFY2(sumValue >= 0, qPrintable(series.key()));
        }
    }

    // The profiled field's score is one observation of its tier and domain.
    const auto *score = m_parsed.find(u"metadata_quality_score"_s, {{u"canonical_key"_s, kProfiledKey}});
    QVERIFY(score);
    const auto *count = m_parsed.find(u"metadata_quality_score_distribution_count"_s,
                                      {{u"tenant_id"_s, score->labels.value(u"tenant_id"_s)},
                                       {u"tier"_s, score->labels.value(u"tier"_s)},
                                       {u"domain"_s, score->labels.value(u"domain"_s)}});
    QVERIFY(count);
    QVERIFY(count->value >= 1);
    // At least one duration was observed: the run above.
    double runs = 0;
    for (const ParsedSample &sample : m_parsed.named(u"metadata_profile_duration_seconds_count"_s))
        runs += sample.value;
    QVERIFY(runs >= 1);
}

void MetricsServeTest::theScoreGaugeIsTheLatestProfileScore()
{
    auto database = Database::open(DatabaseUrl::sqlite(m_cli.databasePath()));
    QVERIFY2(database, database ? "" : qPrintable(database.error().text()));
    const QString tenant = uuidText(demo::northwindTenantId());
    auto latest = database.value()->run(
        u"SELECT quality_score, tier FROM mdm_profile WHERE tenant_id = ? AND canonical_key = ? "
        u"AND status = 'completed' AND quality_score IS NOT NULL ORDER BY created_at DESC LIMIT 1"_s,
        {tenant, kProfiledKey});
    QVERIFY2(latest, latest ? "" : qPrintable(latest.error().text()));
    QVERIFY2(latest.value().next(), "the profile run wrote no score");
    const double expected = latest.value().value(0).toDouble();

    const auto *gauge =
        m_parsed.find(u"metadata_quality_score"_s, {{u"tenant_id"_s, tenant}, {u"canonical_key"_s, kProfiledKey}});
    QVERIFY2(gauge, "no single metadata_quality_score series for the profiled field");
    QCOMPARE(gauge->value, expected);
    QCOMPARE(gauge->labels.value(u"tier"_s), u"tier1"_s);
    QCOMPARE(gauge->labels.value(u"domain"_s), u"General Ledger"_s);
}

void MetricsServeTest::everyTenantIsCovered()
{
    QSet<QString> tenants;
    for (const ParsedSample &sample : m_parsed.named(u"metadata_approvals_pending"_s))
        tenants.insert(sample.labels.value(u"tenant_id"_s));
    QVERIFY2(tenants.contains(uuidText(demo::northwindTenantId())),
             qPrintable(QStringList(tenants.values()).join(u' ')));
    QVERIFY2(tenants.contains(uuidText(demo::contosoTenantId())), qPrintable(QStringList(tenants.values()).join(u' ')));

    double pending = 0;
    for (const ParsedSample &sample : m_parsed.named(u"metadata_approvals_pending"_s))
        pending += sample.value;
    QVERIFY2(pending >= 200, qPrintable(QString::number(pending))); // the demo queue
}

void MetricsServeTest::healthzAnswersWhileTheDatabaseDoes()
{
    const HttpReply health = httpRequest(m_network, "GET", m_url.resolved(QUrl(u"/healthz"_s)));
    QCOMPARE(health.status, 200);
    QVERIFY2(health.contentType.startsWith("application/json"), health.contentType.constData());
    const QJsonObject body = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(body.value(u"status"_s).toString(), u"ok"_s);
    QVERIFY(body.value(u"schemaVersion"_s).toInt() >= 2);
}

void MetricsServeTest::unknownPathsAndOtherMethodsAreRefused()
{
    for (const QString &path : {u"/"_s, u"/nope"_s, u"/metricsx"_s, u"/metrics/extra"_s}) {
        const HttpReply reply = httpRequest(m_network, "GET", m_url.resolved(QUrl(path)));
        QVERIFY2(reply.status == 404, qPrintable(path + u" -> "_s + QString::number(reply.status)));
    }
    const HttpReply post = httpRequest(m_network, "POST", m_url.resolved(QUrl(u"/metrics"_s)));
    QCOMPARE(post.status, 405);
    QCOMPARE(post.allow, QByteArray("GET"));
    QCOMPARE(httpRequest(m_network, "DELETE", m_url.resolved(QUrl(u"/healthz"_s))).status, 405);
    // Still serving after the refusals.
    QCOMPARE(httpRequest(m_network, "GET", m_url.resolved(QUrl(u"/metrics"_s))).status, 200);
}

void MetricsServeTest::aPortInUseIsAOneLineUnavailableError()
{
    const CliRun second = m_cli.run({u"serve"_s, u"--port"_s, QString::number(m_url.port())});
    QCOMPARE(second.exitCode, Unavailable);
    QVERIFY2(second.err.startsWith(u"steward-cli: "_s), qPrintable(second.err));
    QVERIFY2(second.err.count(u'\n') == 1 && second.err.endsWith(u'\n'), qPrintable(second.err));
    QVERIFY2(second.err.contains(QString::number(m_url.port())), qPrintable(second.err));
    QVERIFY2(!second.out.contains(u"listening"_s), qPrintable(second.out));
}

void MetricsServeTest::aBadBindAddressIsAUsageError()
{
    const CliRun run = m_cli.run({u"serve"_s, u"--bind"_s, u"not-an-address"_s, u"--port"_s, u"0"_s});
    QCOMPARE(run.exitCode, Usage);
    QVERIFY2(run.err.startsWith(u"steward-cli: "_s) && run.err.count(u'\n') == 1, qPrintable(run.err));
}

QTEST_GUILESS_MAIN(MetricsServeTest)
#include "tst_metricsserve.moc"
