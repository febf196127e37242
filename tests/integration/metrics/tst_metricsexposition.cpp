// The Prometheus text renderer on its own: exact text, label and help escaping,
// cumulative histogram buckets, number spelling.

#include "ExpositionParser.h"
#include "metrics/MetricsExposition.h"

#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;
using namespace steward::metrics;
using steward::testing::parseExposition;

class MetricsExpositionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gaugesAndCountersRenderExactly();
    void labelValuesAndHelpAreEscaped();
    void histogramBucketsAreCumulativeAndEndInInf();
    void histogramGroupedCountsEqualObservations();
    void numbersAreSpelledAsPrometheusReadsThem();
    void contentTypeIsVersion004();
};

void MetricsExpositionTest::gaugesAndCountersRenderExactly()
{
    MetricFamily gauge{u"metadata_quality_score"_s, u"Latest score."_s, MetricType::Gauge, {}, {}};
    gauge.samples.append(Sample{{{u"tenant_id"_s, u"t1"_s}, {u"canonical_key"_s, u"gl.amount"_s}}, 87.5});
    gauge.samples.append(Sample{{}, 3});
    MetricFamily counter{u"metadata_profile_runs_total"_s, u"Runs."_s, MetricType::Counter, {}, {}};
    counter.samples.append(Sample{{{u"status"_s, u"failed"_s}}, 0});

    QCOMPARE(QString::fromUtf8(TextExposition::render({gauge, counter})),
             u"# HELP metadata_quality_score Latest score.\n"
             "# TYPE metadata_quality_score gauge\n"
             "metadata_quality_score{tenant_id=\"t1\",canonical_key=\"gl.amount\"} 87.5\n"
             "metadata_quality_score 3\n"
             "# HELP metadata_profile_runs_total Runs.\n"
             "# TYPE metadata_profile_runs_total counter\n"
             "metadata_profile_runs_total{status=\"failed\"} 0\n"_s);
    // A family without series still declares itself.
    const MetricFamily empty{u"metadata_approvals_pending"_s, u"Pending."_s, MetricType::Gauge, {}, {}};
    QCOMPARE(TextExposition::render({empty}),
             QByteArray("# HELP metadata_approvals_pending Pending.\n# TYPE metadata_approvals_pending gauge\n"));
}

void MetricsExpositionTest::labelValuesAndHelpAreEscaped()
{
    QCOMPARE(TextExposition::escapeLabelValue(u"a\\b\"c\nd"), u"a\\\\b\\\"c\\nd"_s);
    QCOMPARE(TextExposition::escapeLabelValue(u"Général Ledger"), u"Général Ledger"_s);
    QCOMPARE(TextExposition::escapeHelp(u"one \"quoted\"\\line\ntwo"), u"one \"quoted\"\\\\line\\ntwo"_s);

    MetricFamily family{u"metadata_quality_score"_s, u"Help with \\ and\nnewline."_s, MetricType::Gauge, {}, {}};
    const QString awkward = u"C:\\temp \"quoted\"\nsecond line, {braces}=Ünïcode"_s;
    family.samples.append(Sample{{{u"domain"_s, awkward}}, 1});
    const QByteArray text = TextExposition::render({family});
    QVERIFY2(
        QString::fromUtf8(text).contains(u"domain=\"C:\\\\temp \\\"quoted\\\"\\nsecond line, {braces}=Ünïcode\""_s),
        text.constData());
    QVERIFY(text.contains("# HELP metadata_quality_score Help with \\\\ and\\nnewline.\n"));
    QCOMPARE(text.count('\n'), 3); // no raw line feed leaked into a line

    // Read back by an independent parser, the value is the original one.
    const auto parsed = parseExposition(text);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.samples.size(), 1);
    QCOMPARE(parsed.samples.first().labels.value(u"domain"_s), awkward);
}

void MetricsExpositionTest::histogramBucketsAreCumulativeAndEndInInf()
{
    Histogram histogram({0, 25, 50, 75, 90, 95, 99, 100});
    for (const double score : {0.0, 25.0, 25.5, 60.0, 91.0, 100.0, 100.0})
        histogram.observe(score);
    QCOMPARE(histogram.bucketCounts(), (QList<quint64>{1, 1, 1, 1, 0, 1, 0, 2, 0}));

    MetricFamily family{u"metadata_quality_score_distribution"_s, u"Scores."_s, MetricType::Histogram, {}, {}};
    family.histograms.append(HistogramSeries{{{u"tier"_s, u"tier1"_s}}, histogram});
    QCOMPARE(QString::fromUtf8(TextExposition::render({family})),
             u"# HELP metadata_quality_score_distribution Scores.\n"
             "# TYPE metadata_quality_score_distribution histogram\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"0\"} 1\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"25\"} 2\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"50\"} 3\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"75\"} 4\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"90\"} 4\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"95\"} 5\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"99\"} 5\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"100\"} 7\n"
             "metadata_quality_score_distribution_bucket{tier=\"tier1\",le=\"+Inf\"} 7\n"
             "metadata_quality_score_distribution_sum{tier=\"tier1\"} 401.5\n"
             "metadata_quality_score_distribution_count{tier=\"tier1\"} 7\n"_s);
}

void MetricsExpositionTest::histogramGroupedCountsEqualObservations()
{
    // What the collector does with GROUP BY rows must equal observing one by one,
    // including values above every bound (only +Inf counts them).
    const QList<double> bounds{0.1, 0.5, 1, 2, 5, 10, 30, 60};
    const QList<double> durations{0.05, 0.1, 0.3, 0.3, 1.5, 7, 45, 61, 3600};
    Histogram observed(bounds);
    Histogram grouped(bounds);
    QMap<qsizetype, std::pair<quint64, double>> groups;
    for (const double seconds : durations) {
        observed.observe(seconds);
        auto &group = groups[observed.bucketOf(seconds)];
        group.first += 1;
        group.second += seconds;
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        grouped.add(it.key(), it.value().first, it.value().second);
    QCOMPARE(grouped.bucketCounts(), observed.bucketCounts());
    QCOMPARE(grouped.count(), quint64(durations.size()));
    QCOMPARE(grouped.sum(), observed.sum());

    MetricFamily family{u"metadata_profile_duration_seconds"_s, u"Durations."_s, MetricType::Histogram, {}, {}};
    family.histograms.append(HistogramSeries{{}, grouped});
    const auto parsed = parseExposition(TextExposition::render({family}));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const auto buckets = parsed.named(u"metadata_profile_duration_seconds_bucket"_s);
    QCOMPARE(buckets.size(), bounds.size() + 1);
    QStringList les;
    for (const auto &bucket : buckets)
        les.append(bucket.labels.value(u"le"_s));
    QCOMPARE(les, (QStringList{u"0.1"_s, u"0.5"_s, u"1"_s, u"2"_s, u"5"_s, u"10"_s, u"30"_s, u"60"_s, u"+Inf"_s}));
    const QList<double> cumulative{2, 4, 4, 5, 5, 6, 6, 7, 9};
    for (qsizetype i = 0; i < buckets.size(); ++i)
        QCOMPARE(buckets.at(i).value, cumulative.at(i));
    QCOMPARE(parsed.named(u"metadata_profile_duration_seconds_count"_s).first().value, 9.0);
}

void MetricsExpositionTest::numbersAreSpelledAsPrometheusReadsThem()
{
    QCOMPARE(TextExposition::formatValue(0), u"0"_s);
    QCOMPARE(TextExposition::formatValue(-0.0), u"0"_s);
    QCOMPARE(TextExposition::formatValue(1000000), u"1000000"_s);
    QCOMPARE(TextExposition::formatValue(0.1), u"0.1"_s);
    QCOMPARE(TextExposition::formatValue(87.25), u"87.25"_s);
    QCOMPARE(TextExposition::formatValue(2.0 / 3.0).toDouble(), 2.0 / 3.0); // shortest text, same double
    QCOMPARE(TextExposition::formatValue(std::numeric_limits<double>::infinity()), u"+Inf"_s);
    QCOMPARE(TextExposition::formatValue(-std::numeric_limits<double>::infinity()), u"-Inf"_s);
    QCOMPARE(TextExposition::formatValue(std::numeric_limits<double>::quiet_NaN()), u"NaN"_s);
}

void MetricsExpositionTest::contentTypeIsVersion004()
{
    QCOMPARE(TextExposition::contentType(), QByteArray("text/plain; version=0.0.4; charset=utf-8"));
}

QTEST_GUILESS_MAIN(MetricsExpositionTest)
#include "tst_metricsexposition.moc"
