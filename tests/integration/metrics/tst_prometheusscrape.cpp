// A real Prometheus server (Debian package `prometheus`) on loopback scrapes a running
// steward-cli serve every second; its HTTP API must then return metadata_quality_score.
// The same server also loads ops/prometheus/alert-rules.yml and evaluates every query of
// the Grafana dashboards, so a PromQL mistake there fails here.

#include "DashboardQueries.h"
#include "MetricsTesting.h"
#include "TestDatabase.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

const QString kKey = u"gl.journal_line.amount"_s;
constexpr double kScore = 76.25;

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress(QHostAddress::LocalHost), 0) ? probe.serverPort() : 0;
}

} // namespace

class PrometheusScrapeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void prometheusScrapesTheQualityScore();
    void prometheusLoadsTheAlertRules();
    void everyDashboardQueryEvaluates();

private:
    // GET path (with ?query=PROMQL when given) from Prometheus' HTTP API.
    QJsonObject api(const QString &path, const QString &promql = {});

    TestDatabase m_db;
    CliFixture m_cli;
    QNetworkAccessManager m_network;
    std::unique_ptr<QProcess> m_serve;
    QProcess m_prometheus;
    QUrl m_prometheusUrl;
};

void PrometheusScrapeTest::initTestCase()
{
    const QString prometheus = qEnvironmentVariable("PROMETHEUS");
    QVERIFY2(!prometheus.isEmpty() && QFileInfo(prometheus).isExecutable(),
             "prometheus was not found: install the Debian package `prometheus` (apt-get install prometheus; "
             ".ci/quickstart does) and reconfigure");

    // A small database of its own: one tier1 field with one scored run.
    STEWARD_VERIFY_OK(m_db.setUp());
    STEWARD_VERIFY_OK(m_db.database().run(
        u"INSERT INTO mdm_global_metadata (id, tenant_id, canonical_key, domain, tier, created_at, updated_at) "
        u"VALUES (?, ?, ?, 'General Ledger', 'tier1', '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z')"_s,
        {uuidText(QUuid::createUuid()), uuidText(TestDatabase::tenantId()), kKey}));
    STEWARD_VERIFY_OK(m_db.database().run(
        u"INSERT INTO mdm_profile (id, tenant_id, canonical_key, tier, trigger, status, quality_score, duration_ms, "
        u"created_at) VALUES (?, ?, ?, 'tier1', 'manual', 'completed', ?, 420, '2025-03-02T10:00:00.000Z')"_s,
        {uuidText(QUuid::createUuid()), uuidText(TestDatabase::tenantId()), kKey, kScore}));

    const QString problem = m_cli.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_cli.setDatabasePath(m_db.path());
    QUrl serveUrl;
    QString why;
    m_serve = m_cli.startServe({u"--port"_s, u"0"_s}, serveUrl, why);
    QVERIFY2(m_serve, qPrintable(why));

    const quint16 port = freeLoopbackPort();
    QVERIFY(port > 0);
    m_prometheusUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    const QString config = m_cli.dir() + u"/prometheus.yml"_s;
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"global:\n"
               "  scrape_interval: 1s\n"
               "  evaluation_interval: 1s\n"
               "rule_files:\n"
               "  - \"%1\"\n"
               "scrape_configs:\n"
               "  - job_name: metadata-steward\n"
               "    static_configs:\n"
               "      - targets: [\"127.0.0.1:%2\"]\n"_s
                   .arg(QStringLiteral(STEWARD_OPS_DIR) + u"/prometheus/alert-rules.yml"_s)
                   .arg(serveUrl.port())
                   .toUtf8());
    file.close();

    m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
    m_prometheus.start(prometheus,
                       {u"--config.file="_s + config, u"--storage.tsdb.path="_s + m_cli.dir() + u"/prometheus-data"_s,
                        u"--web.listen-address=127.0.0.1:%1"_s.arg(port), u"--log.level=warn"_s});
    QVERIFY2(m_prometheus.waitForStarted(10000), qPrintable(m_prometheus.errorString()));
}

void PrometheusScrapeTest::cleanupTestCase()
{
    if (m_prometheus.state() != QProcess::NotRunning) {
        m_prometheus.terminate();
        if (!m_prometheus.waitForFinished(10000)) {
            m_prometheus.kill();
            m_prometheus.waitForFinished(5000);
        }
    }
    if (m_serve) {
        QString why;
        const bool clean = terminateCleanly(*m_serve, why);
        m_serve.reset();
        QVERIFY2(clean, qPrintable(why));
    }
}

QJsonObject PrometheusScrapeTest::api(const QString &path, const QString &promql)
{
    QUrl url = m_prometheusUrl.resolved(QUrl(path));
    if (!promql.isEmpty()) // every reserved character encoded, '+' and '&' included
        url.setQuery(u"query="_s + QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    const HttpReply reply = httpRequest(m_network, "GET", url, 5000);
    QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    answer.insert(u"httpStatus"_s, reply.status);
    return answer;
}

void PrometheusScrapeTest::prometheusScrapesTheQualityScore()
{
    QJsonArray result;
    QJsonObject last;
    const QDeadlineTimer deadline(60000);
    while (result.isEmpty() && !deadline.hasExpired()) {
        QTest::qWait(250);
        QVERIFY2(m_prometheus.state() == QProcess::Running, m_prometheus.readAll().constData());
        last = api(u"/api/v1/query"_s, u"metadata_quality_score"_s);
        result = last[u"data"_s][u"result"_s].toArray();
    }
    QVERIFY2(!result.isEmpty(), qPrintable(u"nothing scraped within 60 s; last answer: %1; prometheus said: %2"_s.arg(
                                    QString::fromUtf8(QJsonDocument(last).toJson(QJsonDocument::Compact)),
                                    QString::fromUtf8(m_prometheus.readAll()))));

    QCOMPARE(result.size(), 1);
    const QJsonObject series = result.first().toObject();
    const QJsonObject metric = series[u"metric"_s].toObject();
    QCOMPARE(metric[u"__name__"_s].toString(), u"metadata_quality_score"_s);
    QCOMPARE(metric[u"canonical_key"_s].toString(), kKey);
    QCOMPARE(metric[u"tenant_id"_s].toString(), uuidText(TestDatabase::tenantId()));
    QCOMPARE(metric[u"tier"_s].toString(), u"tier1"_s);
    QCOMPARE(metric[u"domain"_s].toString(), u"General Ledger"_s);
    QCOMPARE(series[u"value"_s].toArray().at(1).toString().toDouble(), kScore);

    // The scrape as a whole succeeded (Prometheus' own up metric).
    const QJsonArray up = api(u"/api/v1/query"_s, u"up{job=\"metadata-steward\"}"_s)[u"data"_s][u"result"_s].toArray();
    QCOMPARE(up.size(), 1);
    QCOMPARE(up.first()[u"value"_s].toArray().at(1).toString(), u"1"_s);
}

void PrometheusScrapeTest::prometheusLoadsTheAlertRules()
{
    const QJsonObject rules = api(u"/api/v1/rules"_s);
    QStringList names;
    for (const QJsonValue &group : rules[u"data"_s][u"groups"_s].toArray()) {
        for (const QJsonValue &rule : group[u"rules"_s].toArray())
            names.append(rule[u"name"_s].toString());
    }
    names.sort();
    QCOMPARE(names, (QStringList{u"ProfileRunFailed"_s, u"Tier1QualityDegraded"_s}));
}

void PrometheusScrapeTest::everyDashboardQueryEvaluates()
{
    QString error;
    const QList<DashboardQuery> queries = dashboardQueries(QStringLiteral(STEWARD_OPS_DIR) + u"/grafana"_s, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int evaluated = 0;
    for (const DashboardQuery &query : queries) {
        if (query.templateQuery)
            continue; // Grafana's label_values(), not PromQL
        const QJsonObject answer = api(u"/api/v1/query"_s, withVariablesResolved(query.expr));
        QVERIFY2(answer[u"status"_s].toString() == u"success"_s,
                 qPrintable(u"%1 / %2: %3 -> %4"_s.arg(query.dashboard, query.panel, query.expr,
                                                       answer[u"error"_s].toString())));
        ++evaluated;
    }
    QVERIFY(evaluated >= 10);
}

QTEST_GUILESS_MAIN(PrometheusScrapeTest)
#include "tst_prometheusscrape.moc"
