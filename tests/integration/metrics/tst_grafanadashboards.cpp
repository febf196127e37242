// The Grafana dashboards under ops/grafana: each parses, the three of the issue are
// there, and every query reads only SPEC metric names (tst_prometheusscrape evaluates
// them on a real Prometheus as well).

#include "DashboardQueries.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward::testing;

namespace {

const QStringList kSpecMetrics{u"metadata_quality_score"_s,      u"metadata_quality_score_distribution"_s,
                               u"metadata_profile_runs_total"_s, u"metadata_profile_duration_seconds"_s,
                               u"metadata_approvals_pending"_s,  u"metadata_approval_decisions_total"_s,
                               u"metadata_quality_alert_threshold"_s};
const QStringList kHistograms{u"metadata_quality_score_distribution"_s, u"metadata_profile_duration_seconds"_s};

// The SPEC family a sample name belongs to, or empty.
QString specFamily(const QString &name)
{
    if (kSpecMetrics.contains(name))
        return name;
    for (const QString &histogram : kHistograms) {
        for (const QString &suffix : {u"_bucket"_s, u"_sum"_s, u"_count"_s}) {
            if (name == histogram + suffix)
                return histogram;
        }
    }
    return {};
}

QString grafanaDirectory()
{
    return QStringLiteral(STEWARD_OPS_DIR) + u"/grafana"_s;
}

} // namespace

class GrafanaDashboardsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theMetricNameReaderFindsWhatAnExpressionReads();
    void theThreeDashboardsParse();
    void everyQueryReadsOnlySpecMetrics();
};

void GrafanaDashboardsTest::theMetricNameReaderFindsWhatAnExpressionReads()
{
    // The reader this test relies on must be able to catch a wrong name.
    QCOMPARE(metricNamesIn(u"sum by (tier) (rate(metadata_profile_runs_totals{status=\"failed\"}[5m]))"_s),
             QStringList{u"metadata_profile_runs_totals"_s});
    QCOMPARE(
        metricNamesIn(u"histogram_quantile(0.95, sum by (le, tier) (rate(x_bucket{a=~\"$t\"}[$__rate_interval])))"_s),
        QStringList{u"x_bucket"_s});
    QCOMPARE(metricNamesIn(u"(a offset 1d) - b > 10 or vector(0)"_s), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(specFamily(u"metadata_quality_score_bucket"_s), QString()); // a gauge has no buckets
}

void GrafanaDashboardsTest::theThreeDashboardsParse()
{
    const QDir dir(grafanaDirectory());
    QStringList titles;
    QSet<QString> uids;
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(document.isObject(), qPrintable(name + u": "_s + error.errorString()));
        const QJsonObject dashboard = document.object();
        titles.append(dashboard[u"title"_s].toString());
        const QString uid = dashboard[u"uid"_s].toString();
        QVERIFY2(!uid.isEmpty() && !uids.contains(uid), qPrintable(name + u": uid missing or repeated"_s));
        uids.insert(uid);
        QVERIFY2(dashboard[u"panels"_s].toArray().size() >= 3, qPrintable(name));
        // Importable anywhere: panels name their data source through the variable, not a fixed uid.
        for (const QJsonValue &panel : dashboard[u"panels"_s].toArray()) {
            if (panel[u"type"_s].toString() == u"row"_s)
                continue;
            QCOMPARE(panel[u"datasource"_s][u"uid"_s].toString(), u"${datasource}"_s);
        }
    }
    const QString all = titles.join(u'|').toLower();
    QVERIFY2(all.contains(u"quality trends"_s), qPrintable(all));
    QVERIFY2(all.contains(u"profiler performance"_s), qPrintable(all));
    QVERIFY2(all.contains(u"approval workflow"_s), qPrintable(all));
}

void GrafanaDashboardsTest::everyQueryReadsOnlySpecMetrics()
{
    QString error;
    const QList<DashboardQuery> queries = dashboardQueries(grafanaDirectory(), error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(queries.size() >= 10);

    QSet<QString> used;
    static const QRegularExpression labelValues(
        u"^label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*\\w+\\s*\\)$"_s);
    for (const DashboardQuery &query : queries) {
        const QString where = u"%1 / %2: %3"_s.arg(query.dashboard, query.panel, query.expr);
        QVERIFY2(!query.expr.trimmed().isEmpty(), qPrintable(where));
        QStringList names;
        if (query.templateQuery) {
            const auto match = labelValues.match(query.expr.trimmed());
            QVERIFY2(match.hasMatch(), qPrintable(where));
            names = {match.captured(1)};
        } else {
            names = metricNamesIn(query.expr);
        }
        QVERIFY2(!names.isEmpty(), qPrintable(where));
        for (const QString &name : names) {
            const QString family = specFamily(name);
            QVERIFY2(!family.isEmpty(), qPrintable(u"not a SPEC metric: "_s + name + u" in "_s + where));
            used.insert(family);
        }
    }
    for (const QString &metric : kSpecMetrics)
        QVERIFY2(used.contains(metric), qPrintable(u"no dashboard shows "_s + metric));
}

QTEST_GUILESS_MAIN(GrafanaDashboardsTest)
#include "tst_grafanadashboards.moc"
