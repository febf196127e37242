// MetricsCollector on a real SQLite database with known rows in two tenants: which run
// is a field's latest score, where each value lands in the SPEC buckets, the labels
// (tier and domain from the field's definition, the run's own tier for run counters),
// and the zero series counters start from.

#include "ExpositionParser.h"
#include "TestDatabase.h"
#include "metrics/MetricsCollector.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::metrics;
using steward::testing::TestDatabase;

namespace {

const QUuid kOtherTenant{u"7a1c2e3d-0000-4000-8000-00000000b0b0"_s};

QString tenantA()
{
    return uuidText(TestDatabase::tenantId());
}

QString tenantB()
{
    return uuidText(kOtherTenant);
}

QMap<QString, QString> labelMap(const Labels &labels)
{
    QMap<QString, QString> map;
    for (const auto &[name, value] : labels)
        map.insert(name, value);
    return map;
}

QStringList labelNames(const Labels &labels)
{
    QStringList names;
    for (const auto &label : labels)
        names.append(label.first);
    return names;
}

const Sample *findSample(const MetricFamily &family, const QMap<QString, QString> &labels)
{
    for (const Sample &sample : family.samples) {
        if (labelMap(sample.labels) == labels)
            return &sample;
    }
    return nullptr;
}

const Histogram *findHistogram(const MetricFamily &family, const QMap<QString, QString> &labels)
{
    for (const HistogramSeries &series : family.histograms) {
        if (labelMap(series.labels) == labels)
            return &series.histogram;
    }
    return nullptr;
}

QList<quint64> cumulative(const Histogram &histogram)
{
    QList<quint64> counts;
    quint64 total = 0;
    for (const quint64 count : histogram.bucketCounts())
        counts.append(total += count);
    return counts;
}

} // namespace

class MetricsCollectorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void familiesAreTheSpecNamesTypesAndLabels();
    void scoreGaugeIsTheLatestCompletedScoredRunPerField();
    void scoreDistributionCountsLatestScoresIntoSpecBuckets();
    void runCountersUseTheRunsTierAndStartAtZero();
    void durationHistogramIsInSecondsWithSpecBuckets();
    void approvalsArePendingByTierAndDecisionsByOutcome();
    void theRenderedTextParses();

private:
    void addField(const QString &tenant, const QString &key, const QString &tier, const QVariant &domain);
    void addRun(const QString &tenant, const QString &key, const QString &tier, const QString &status,
                const QVariant &score, const QVariant &durationMs, int day, const QUuid &id = QUuid::createUuid());
    void addApproval(const QString &tenant, const QString &entityType, const QString &tier, const QString &status);
    const MetricFamily &family(const QString &name) const;

    TestDatabase m_db;
    QList<MetricFamily> m_families;
};

void MetricsCollectorTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    STEWARD_VERIFY_OK(m_db.addTenant(kOtherTenant, u"Other"_s, {{u"someone"_s, {Role::Viewer}}}));

    addField(tenantA(), u"gl.amount"_s, u"tier1"_s, u"General Ledger"_s);
    addField(tenantA(), u"tax.code"_s, u"tier3"_s, u"Tax \"indirect\""_s);
    addField(tenantA(), u"gl.memo"_s, u"tier2"_s, QVariant());
    addField(tenantB(), u"gl.amount"_s, u"tier2"_s, u"Retail"_s);

    // gl.amount was tier2 when first profiled; its latest scored run is day 3 (72.5): the
    // failed run of day 4 and the unscored (empty table) run of day 5 do not replace it.
    addRun(tenantA(), u"gl.amount"_s, u"tier2"_s, u"completed"_s, 90.0, 50, 1);
    addRun(tenantA(), u"gl.amount"_s, u"tier1"_s, u"completed"_s, 72.5, 100, 3);
    addRun(tenantA(), u"gl.amount"_s, u"tier1"_s, u"failed"_s, QVariant(), 20, 4);
    addRun(tenantA(), u"gl.amount"_s, u"tier1"_s, u"completed"_s, QVariant(), 1500, 5);
    addRun(tenantA(), u"tax.code"_s, u"tier3"_s, u"completed"_s, 25.0, 61000, 2);
    addRun(tenantA(), u"tax.code"_s, u"tier3"_s, u"cancelled"_s, QVariant(), 2000, 6);
    addRun(tenantA(), u"gl.memo"_s, u"tier2"_s, u"completed"_s, 100.0, 100, 2);
    // A field whose definition is gone keeps its run's tier; its domain is unknown.
    addRun(tenantA(), u"old.field"_s, u"tier4"_s, u"completed"_s, 50.0, QVariant(), 2);
    addRun(tenantB(), u"gl.amount"_s, u"tier2"_s, u"completed"_s, 95.5, 30000, 2);
    // Two scored runs in the same millisecond: still one series, the run with the greater
    // id, as everywhere "the latest" is read (quality/LatestRun).
    addField(tenantA(), u"tie.field"_s, u"tier2"_s, u"Tax"_s);
    addRun(tenantA(), u"tie.field"_s, u"tier2"_s, u"completed"_s, 65.0, QVariant(), 7,
           QUuid(u"ffffffff-0000-4000-8000-000000000000"_s));
    addRun(tenantA(), u"tie.field"_s, u"tier2"_s, u"completed"_s, 60.0, QVariant(), 7,
           QUuid(u"00000000-0000-4000-8000-000000000000"_s));

    for (int i = 0; i < 3; ++i)
        addApproval(tenantA(), u"GLOBAL_METADATA"_s, u"tier1"_s, u"pending"_s);
    addApproval(tenantA(), u"KPI"_s, u"tier2"_s, u"pending"_s);
    addApproval(tenantA(), u"GLOBAL_METADATA"_s, u"tier1"_s, u"approved"_s);
    addApproval(tenantA(), u"GLOBAL_METADATA"_s, u"tier2"_s, u"approved"_s);
    addApproval(tenantA(), u"KPI"_s, u"tier2"_s, u"rejected"_s);
    addApproval(tenantA(), u"GLOSSARY"_s, u"tier4"_s, u"cancelled"_s);
    addApproval(tenantB(), u"BUSINESS_RULE"_s, u"tier3"_s, u"pending"_s);

    // An operator's view: every tenant (on the team database through a monitor login).
    auto monitor = Database::open(m_db.monitorUrl());
    STEWARD_VERIFY_OK(monitor);
    auto collected = MetricsCollector(*monitor.value()).collect();
    STEWARD_VERIFY_OK(collected);
    m_families = collected.value();
}

void MetricsCollectorTest::addField(const QString &tenant, const QString &key, const QString &tier,
                                    const QVariant &domain)
{
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_global_metadata (id, tenant_id, canonical_key, domain, tier, created_at, updated_at) "
        u"VALUES (?, ?, ?, ?, ?, '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z')"_s,
        {uuidText(QUuid::createUuid()), tenant, key, domain, tier}));
}

void MetricsCollectorTest::addRun(const QString &tenant, const QString &key, const QString &tier, const QString &status,
                                  const QVariant &score, const QVariant &durationMs, int day, const QUuid &id)
{
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_profile (id, tenant_id, canonical_key, tier, trigger, status, quality_score, duration_ms, "
        u"created_at) VALUES (?, ?, ?, ?, 'manual', ?, ?, ?, ?)"_s,
        {uuidText(id), tenant, key, tier, status, score, durationMs,
         u"2025-03-%1T10:00:00.000Z"_s.arg(day, 2, 10, QChar(u'0'))}));
}

void MetricsCollectorTest::addApproval(const QString &tenant, const QString &entityType, const QString &tier,
                                       const QString &status)
{
    // (The request document's column as each engine keeps it exactly.)
    STEWARD_VERIFY_OK(m_db.fixture().run(
        u"INSERT INTO mdm_approval (id, tenant_id, entity_type, entity_key, tier, lane, "_s
            + m_db.fixture().dialect().exactJsonColumn(u"payload"_s)
            + u", status, requested_by, required_role) VALUES (?, ?, ?, 'some.key', ?, 'governed', '{}', ?, 'someone', "
        u"'metadata_steward')"_s,
        {uuidText(QUuid::createUuid()), tenant, entityType, tier, status}));
}

const MetricFamily &MetricsCollectorTest::family(const QString &name) const
{
    for (const MetricFamily &candidate : m_families) {
        if (candidate.name == name)
            return candidate;
    }
    static const MetricFamily none;
    return none;
}

void MetricsCollectorTest::familiesAreTheSpecNamesTypesAndLabels()
{
    const QList<std::tuple<QString, MetricType, QStringList>> spec{
        {u"metadata_quality_score"_s, MetricType::Gauge, {u"tenant_id"_s, u"canonical_key"_s, u"tier"_s, u"domain"_s}},
        {u"metadata_quality_score_distribution"_s, MetricType::Histogram, {u"tenant_id"_s, u"tier"_s, u"domain"_s}},
        {u"metadata_profile_runs_total"_s, MetricType::Counter, {u"tenant_id"_s, u"tier"_s, u"status"_s}},
        {u"metadata_profile_duration_seconds"_s, MetricType::Histogram, {u"tenant_id"_s, u"tier"_s}},
        {u"metadata_approvals_pending"_s, MetricType::Gauge, {u"tenant_id"_s, u"entity_type"_s, u"tier"_s}},
        {u"metadata_approval_decisions_total"_s,
         MetricType::Counter,
         {u"tenant_id"_s, u"entity_type"_s, u"decision"_s}},
        {u"metadata_quality_alert_threshold"_s, MetricType::Gauge, {u"tenant_id"_s, u"line"_s}},
    };
    QCOMPARE(m_families.size(), spec.size());
    for (qsizetype i = 0; i < spec.size(); ++i) {
        const auto &[name, type, labels] = spec.at(i);
        const MetricFamily &actual = m_families.at(i);
        QCOMPARE(actual.name, name);
        QVERIFY2(actual.type == type, qPrintable(name));
        QVERIFY2(!actual.help.isEmpty(), qPrintable(name));
        const bool histogram = type == MetricType::Histogram;
        QVERIFY2(histogram ? !actual.histograms.isEmpty() : !actual.samples.isEmpty(), qPrintable(name));
        for (const Sample &sample : actual.samples)
            QCOMPARE(labelNames(sample.labels), labels);
        for (const HistogramSeries &series : actual.histograms)
            QCOMPARE(labelNames(series.labels), labels);
    }
}

void MetricsCollectorTest::scoreGaugeIsTheLatestCompletedScoredRunPerField()
{
    const MetricFamily &scores = family(u"metadata_quality_score"_s);
    QCOMPARE(scores.samples.size(), 6); // one per scored field and tenant
    const auto score = [&](const QString &tenant, const QString &key, const QString &tier, const QString &domain) {
        const Sample *sample = findSample(
            scores, {{u"tenant_id"_s, tenant}, {u"canonical_key"_s, key}, {u"tier"_s, tier}, {u"domain"_s, domain}});
        return sample ? sample->value : -1.0;
    };
    QCOMPARE(score(tenantA(), u"gl.amount"_s, u"tier1"_s, u"General Ledger"_s), 72.5);
    QCOMPARE(score(tenantA(), u"tax.code"_s, u"tier3"_s, u"Tax \"indirect\""_s), 25.0);
    QCOMPARE(score(tenantA(), u"gl.memo"_s, u"tier2"_s, u"unknown"_s), 100.0);
    QCOMPARE(score(tenantA(), u"old.field"_s, u"tier4"_s, u"unknown"_s), 50.0);
    QCOMPARE(score(tenantB(), u"gl.amount"_s, u"tier2"_s, u"Retail"_s), 95.5);
    QCOMPARE(score(tenantA(), u"tie.field"_s, u"tier2"_s, u"Tax"_s), 65.0);
}

void MetricsCollectorTest::scoreDistributionCountsLatestScoresIntoSpecBuckets()
{
    const MetricFamily &distribution = family(u"metadata_quality_score_distribution"_s);
    QCOMPARE(distribution.histograms.size(), 6);
    for (const HistogramSeries &series : distribution.histograms)
        QCOMPARE(series.histogram.upperBounds(), (QList<double>{0, 25, 50, 75, 90, 95, 99, 100}));

    const auto cumulativeOf = [&](const QString &tenant, const QString &tier, const QString &domain) {
        const Histogram *histogram =
            findHistogram(distribution, {{u"tenant_id"_s, tenant}, {u"tier"_s, tier}, {u"domain"_s, domain}});
        return histogram ? cumulative(*histogram) : QList<quint64>();
    };
    //                                                                         0  25 50 75 90 95 99 100 +Inf
    QCOMPARE(cumulativeOf(tenantA(), u"tier1"_s, u"General Ledger"_s), (QList<quint64>{0, 0, 0, 1, 1, 1, 1, 1, 1}));
    QCOMPARE(cumulativeOf(tenantA(), u"tier3"_s, u"Tax \"indirect\""_s), (QList<quint64>{0, 1, 1, 1, 1, 1, 1, 1, 1}));
    QCOMPARE(cumulativeOf(tenantA(), u"tier2"_s, u"unknown"_s), (QList<quint64>{0, 0, 0, 0, 0, 0, 0, 1, 1}));
    QCOMPARE(cumulativeOf(tenantA(), u"tier4"_s, u"unknown"_s), (QList<quint64>{0, 0, 1, 1, 1, 1, 1, 1, 1}));
    QCOMPARE(cumulativeOf(tenantB(), u"tier2"_s, u"Retail"_s), (QList<quint64>{0, 0, 0, 0, 0, 0, 1, 1, 1}));
    const Histogram *ledger = findHistogram(
        distribution, {{u"tenant_id"_s, tenantA()}, {u"tier"_s, u"tier1"_s}, {u"domain"_s, u"General Ledger"_s}});
    QVERIFY(ledger);
    QCOMPARE(ledger->sum(), 72.5);
}

void MetricsCollectorTest::runCountersUseTheRunsTierAndStartAtZero()
{
    const MetricFamily &runs = family(u"metadata_profile_runs_total"_s);
    QCOMPARE(runs.samples.size(), 2 * 5 * 3); // tenants x tiers x statuses, zeros included
    const auto count = [&](const QString &tenant, const QString &tier, const QString &status) {
        const Sample *sample = findSample(runs, {{u"tenant_id"_s, tenant}, {u"tier"_s, tier}, {u"status"_s, status}});
        return sample ? sample->value : -1.0;
    };
    QCOMPARE(count(tenantA(), u"tier1"_s, u"completed"_s), 2.0);
    QCOMPARE(count(tenantA(), u"tier1"_s, u"failed"_s), 1.0);
    QCOMPARE(count(tenantA(), u"tier2"_s, u"completed"_s), 4.0); // gl.amount's first run, gl.memo, tie.field twice
    QCOMPARE(count(tenantA(), u"tier3"_s, u"cancelled"_s), 1.0);
    QCOMPARE(count(tenantA(), u"tier4"_s, u"completed"_s), 1.0);
    QCOMPARE(count(tenantA(), u"tier5"_s, u"failed"_s), 0.0);
    QCOMPARE(count(tenantB(), u"tier2"_s, u"completed"_s), 1.0);
    QCOMPARE(count(tenantB(), u"tier1"_s, u"failed"_s), 0.0);
}

void MetricsCollectorTest::durationHistogramIsInSecondsWithSpecBuckets()
{
    const MetricFamily &durations = family(u"metadata_profile_duration_seconds"_s);
    QCOMPARE(durations.histograms.size(), 2 * 5);
    const auto histogramOf = [&](const QString &tenant, const QString &tier) {
        return findHistogram(durations, {{u"tenant_id"_s, tenant}, {u"tier"_s, tier}});
    };
    const Histogram *tier1 = histogramOf(tenantA(), u"tier1"_s);
    QVERIFY(tier1);
    QCOMPARE(tier1->upperBounds(), (QList<double>{0.1, 0.5, 1, 2, 5, 10, 30, 60}));
    //                                          0.1 0.5 1  2  5  10 30 60 +Inf
    QCOMPARE(cumulative(*tier1), (QList<quint64>{2, 2, 2, 3, 3, 3, 3, 3, 3})); // 0.1 s, 0.02 s, 1.5 s
    QVERIFY(qFuzzyCompare(tier1->sum(), 1.62));
    // 61 s lies above every bound: only +Inf counts it.
    QCOMPARE(cumulative(*histogramOf(tenantA(), u"tier3"_s)), (QList<quint64>{0, 0, 0, 1, 1, 1, 1, 1, 2}));
    // A run without a duration is not an observation.
    QCOMPARE(histogramOf(tenantA(), u"tier4"_s)->count(), quint64(0));
    QCOMPARE(cumulative(*histogramOf(tenantB(), u"tier2"_s)), (QList<quint64>{0, 0, 0, 0, 0, 0, 1, 1, 1}));
}

void MetricsCollectorTest::approvalsArePendingByTierAndDecisionsByOutcome()
{
    const MetricFamily &pending = family(u"metadata_approvals_pending"_s);
    QCOMPARE(pending.samples.size(), 2 * 4 * 5);
    double total = 0;
    for (const Sample &sample : pending.samples)
        total += sample.value;
    QCOMPARE(total, 5.0);
    const auto pendingCount = [&](const QString &tenant, const QString &type, const QString &tier) {
        const Sample *sample =
            findSample(pending, {{u"tenant_id"_s, tenant}, {u"entity_type"_s, type}, {u"tier"_s, tier}});
        return sample ? sample->value : -1.0;
    };
    QCOMPARE(pendingCount(tenantA(), u"GLOBAL_METADATA"_s, u"tier1"_s), 3.0);
    QCOMPARE(pendingCount(tenantA(), u"KPI"_s, u"tier2"_s), 1.0);
    QCOMPARE(pendingCount(tenantB(), u"BUSINESS_RULE"_s, u"tier3"_s), 1.0);
    QCOMPARE(pendingCount(tenantB(), u"GLOBAL_METADATA"_s, u"tier1"_s), 0.0);

    const MetricFamily &decisions = family(u"metadata_approval_decisions_total"_s);
    QCOMPARE(decisions.samples.size(), 2 * 4 * 3);
    const auto decided = [&](const QString &tenant, const QString &type, const QString &decision) {
        const Sample *sample =
            findSample(decisions, {{u"tenant_id"_s, tenant}, {u"entity_type"_s, type}, {u"decision"_s, decision}});
        return sample ? sample->value : -1.0;
    };
    QCOMPARE(decided(tenantA(), u"GLOBAL_METADATA"_s, u"approved"_s), 2.0);
    QCOMPARE(decided(tenantA(), u"KPI"_s, u"rejected"_s), 1.0);
    QCOMPARE(decided(tenantA(), u"GLOSSARY"_s, u"cancelled"_s), 1.0);
    QCOMPARE(decided(tenantB(), u"GLOBAL_METADATA"_s, u"approved"_s), 0.0);
    QVERIFY(!findSample(decisions,
                        {{u"tenant_id"_s, tenantA()}, {u"entity_type"_s, u"KPI"_s}, {u"decision"_s, u"pending"_s}}));
}

void MetricsCollectorTest::theRenderedTextParses()
{
    const auto parsed = steward::testing::parseExposition(TextExposition::render(m_families));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.types.size(), 7);
    const auto *tax = parsed.find(u"metadata_quality_score"_s, {{u"canonical_key"_s, u"tax.code"_s}});
    QVERIFY(tax);
    QCOMPARE(tax->labels.value(u"domain"_s), u"Tax \"indirect\""_s);
}

QTEST_GUILESS_MAIN(MetricsCollectorTest)
#include "tst_metricscollector.moc"
