#include "metrics/MetricsCollector.h"

#include "alerts/AlertThresholdService.h"
#include "model/Types.h"
#include "profiler/ProfileTypes.h"
#include "quality/LatestRun.h"
#include "store/Database.h"
#include "store/SqlStatement.h"

#include <QMap>
#include <QSqlDatabase>

using namespace Qt::StringLiterals;

namespace steward::metrics {
namespace {

// The label value for a tier or domain the database does not know.
const QString kUnknown = u"unknown"_s;

// The latest completed, scored run of every field of every tenant (quality/LatestRun),
// with the field's current tier and domain from its definition (what the run recorded
// when the field is gone); kUnknown where neither says.
SqlStatement latestScores(const SqlDialect &dialect)
{
    SqlStatement sql;
    sql(u"WITH RECURSIVE "_s);
    quality::LatestRun::fields(sql, QUuid());
    quality::LatestRun::latestRuns(sql, u"newest"_s);
    sql(u", latest AS (SELECT p.tenant_id AS tenant_id, p.canonical_key AS canonical_key, COALESCE("_s
            + quality::LatestRun::tierOf(u"p"_s, u"g"_s) + u", ?) AS tier, COALESCE(NULLIF("_s
            + quality::LatestRun::domainOf(dialect, u"p"_s, u"g"_s)
            + u", ''), ?) AS domain, p.quality_score AS score FROM newest JOIN mdm_profile p ON p.id = newest.run_id"_s
            + quality::LatestRun::catalogJoin(u"p"_s, u"g"_s) + u") "_s,
        {kUnknown, kUnknown});
    return sql;
}

// CASE WHEN column <= ? THEN 0 ... ELSE n END: the index of the histogram bucket a value
// falls in, with one bound parameter per bucket bound.
QString bucketIndex(const QString &column, qsizetype boundCount)
{
    QString sql = u"CASE"_s;
    for (qsizetype i = 0; i < boundCount; ++i)
        sql += u" WHEN %1 <= ? THEN %2"_s.arg(column).arg(i);
    return sql + u" ELSE %1 END"_s.arg(boundCount);
}

QVariantList boundValues(const QList<double> &bounds, double scale = 1.0)
{
    QVariantList values;
    for (const double bound : bounds)
        values.append(bound * scale);
    return values;
}

Labels labelsOf(const QStringList &names, const QStringList &values)
{
    Labels labels;
    for (qsizetype i = 0; i < names.size(); ++i)
        labels.append({names.at(i), values.value(i)});
    return labels;
}

QList<Sample> samplesOf(const QStringList &names, const QMap<QStringList, double> &series)
{
    QList<Sample> samples;
    for (auto it = series.cbegin(); it != series.cend(); ++it)
        samples.append(Sample{labelsOf(names, it.key()), it.value()});
    return samples;
}

QList<HistogramSeries> histogramsOf(const QStringList &names, const QMap<QStringList, Histogram> &series)
{
    QList<HistogramSeries> histograms;
    for (auto it = series.cbegin(); it != series.cend(); ++it)
        histograms.append(HistogramSeries{labelsOf(names, it.key()), it.value()});
    return histograms;
}

QStringList textColumns(const QSqlQuery &query, int count)
{
    QStringList values;
    for (int i = 0; i < count; ++i)
        values.append(query.value(i).toString());
    return values;
}

// Every read of one scrape sees the same snapshot; nothing is written, so it ends in a rollback.
class ReadTransaction
{
public:
    explicit ReadTransaction(const Database &database)
        : m_connection(database.connection()), m_open(m_connection.transaction())
    {
        const QString snapshot = database.dialect().readSnapshotStatement();
        if (m_open && !snapshot.isEmpty())
            (void)database.run(snapshot); // failing, the reads still answer, each from its own snapshot
    }
    ~ReadTransaction()
    {
        if (m_open)
            m_connection.rollback();
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;

private:
    QSqlDatabase m_connection;
    bool m_open;
};

} // namespace

MetricsCollector::MetricsCollector(const Database &database) : m_database(database) {}

QList<double> MetricsCollector::qualityScoreBuckets()
{
    return {0, 25, 50, 75, 90, 95, 99, 100};
}

QList<double> MetricsCollector::profileDurationBuckets()
{
    return {0.1, 0.5, 1, 2, 5, 10, 30, 60};
}

Result<QList<MetricFamily>> MetricsCollector::collect() const
{
    const ReadTransaction snapshot(m_database);
    auto tenants = tenantIds();
    if (!tenants)
        return tenants.error();

    auto scores = qualityScores();
    if (!scores)
        return scores.error();
    auto distribution = qualityScoreDistribution();
    if (!distribution)
        return distribution.error();
    auto runs = profileRuns(tenants.value());
    if (!runs)
        return runs.error();
    auto pending = approvalsPending(tenants.value());
    if (!pending)
        return pending.error();
    auto decisions = approvalDecisions(tenants.value());
    if (!decisions)
        return decisions.error();
    auto thresholds = alertThresholds(tenants.value());
    if (!thresholds)
        return thresholds.error();
    // In the order of SPEC section 6, then the tenants' alert lines.
    return QList<MetricFamily>{scores.value(),      distribution.value(), runs.value().first,
                               runs.value().second, pending.value(),      decisions.value(),
                               thresholds.value()};
}

Result<QStringList> MetricsCollector::tenantIds() const
{
    return m_database.texts(u"SELECT id FROM mdm_tenant ORDER BY id"_s);
}

Result<MetricFamily> MetricsCollector::qualityScores() const
{
    SqlStatement sql = latestScores(m_database.dialect());
    sql(u"SELECT tenant_id, canonical_key, tier, domain, score FROM latest ORDER BY 1, 2"_s);
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();

    MetricFamily family{u"metadata_quality_score"_s,
                        u"Quality score (0-100) of the latest completed, scored profile run of each field."_s,
                        MetricType::Gauge,
                        {},
                        {}};
    const QStringList names{u"tenant_id"_s, u"canonical_key"_s, u"tier"_s, u"domain"_s};
    while (query.value().next())
        family.samples.append(
            Sample{labelsOf(names, textColumns(query.value(), 4)), query.value().value(4).toDouble()});
    return family;
}

Result<MetricFamily> MetricsCollector::qualityScoreDistribution() const
{
    const QList<double> bounds = qualityScoreBuckets();
    SqlStatement sql = latestScores(m_database.dialect());
    sql(u"SELECT tenant_id, tier, domain, %1, COUNT(*), SUM(score) FROM latest GROUP BY 1, 2, 3, 4"_s.arg(
            bucketIndex(u"score"_s, bounds.size())),
        boundValues(bounds));
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();

    QMap<QStringList, Histogram> series;
    while (query.value().next()) {
        auto slot = series.find(textColumns(query.value(), 3));
        if (slot == series.end())
            slot = series.insert(textColumns(query.value(), 3), Histogram(bounds));
        slot->add(query.value().value(3).toLongLong(), query.value().value(4).toULongLong(),
                  query.value().value(5).toDouble());
    }
    const QStringList names{u"tenant_id"_s, u"tier"_s, u"domain"_s};
    return MetricFamily{u"metadata_quality_score_distribution"_s,
                        u"Latest quality scores (0-100) of the fields, one observation per field."_s,
                        MetricType::Histogram,
                        {},
                        histogramsOf(names, series)};
}

// Runs and their durations come from one scan of mdm_profile. They are labelled with the
// tier stored on the run itself, so a field moving to another tier never makes a counter
// go down.
Result<std::pair<MetricFamily, MetricFamily>> MetricsCollector::profileRuns(const QStringList &tenants) const
{
    const QList<profiler::RunStatus> statuses{profiler::RunStatus::Completed, profiler::RunStatus::Failed,
                                              profiler::RunStatus::Cancelled};
    const QList<double> bounds = profileDurationBuckets();
    // Every tenant, tier and status from zero, so the first failure is an increase a
    // rate() sees rather than a series that appears.
    QMap<QStringList, double> runs;
    QMap<QStringList, Histogram> durations;
    for (const QString &tenant : tenants) {
        for (const Tier tier : allTiers()) {
            for (const profiler::RunStatus status : statuses)
                runs.insert({tenant, toString(tier), toString(status)}, 0);
            durations.insert({tenant, toString(tier)}, Histogram(bounds));
        }
    }

    // Bucket -1: a run without a duration, counted but not observed.
    auto query =
        m_database.run(u"SELECT tenant_id, COALESCE(NULLIF(tier, ''), ?), status, "
                       u"CASE WHEN duration_ms IS NULL THEN -1 ELSE %1 END, COUNT(*), SUM(duration_ms) "
                       u"FROM mdm_profile GROUP BY 1, 2, 3, 4"_s.arg(bucketIndex(u"duration_ms"_s, bounds.size())),
                       QVariantList{kUnknown} + boundValues(bounds, 1000.0));
    if (!query)
        return query.error();
    while (query.value().next()) {
        const QStringList labels = textColumns(query.value(), 3);
        const qsizetype bucket = query.value().value(3).toLongLong();
        const quint64 count = query.value().value(4).toULongLong();
        runs[labels] += double(count);
        if (bucket < 0)
            continue;
        const QStringList tenantTier = labels.first(2);
        auto slot = durations.find(tenantTier);
        if (slot == durations.end())
            slot = durations.insert(tenantTier, Histogram(bounds));
        slot->add(bucket, count, query.value().value(5).toDouble() / 1000.0);
    }

    return std::pair{MetricFamily{u"metadata_profile_runs_total"_s,
                                  u"Profile runs, by the tier of the field when it ran and the run's status."_s,
                                  MetricType::Counter,
                                  samplesOf({u"tenant_id"_s, u"tier"_s, u"status"_s}, runs),
                                  {}},
                     MetricFamily{u"metadata_profile_duration_seconds"_s,
                                  u"Duration of profile runs in seconds, by the tier of the field when it ran."_s,
                                  MetricType::Histogram,
                                  {},
                                  histogramsOf({u"tenant_id"_s, u"tier"_s}, durations)}};
}

Result<MetricFamily> MetricsCollector::approvalsPending(const QStringList &tenants) const
{
    QMap<QStringList, double> series;
    for (const QString &tenant : tenants) {
        for (const EntityType type : allEntityTypes()) {
            for (const Tier tier : allTiers())
                series.insert({tenant, toString(type), toString(tier)}, 0);
        }
    }

    auto query = m_database.run(u"SELECT tenant_id, entity_type, tier, COUNT(*) FROM mdm_approval "
                                u"WHERE status = ? GROUP BY 1, 2, 3"_s,
                                {toString(ApprovalStatus::Pending)});
    if (!query)
        return query.error();
    while (query.value().next())
        series[textColumns(query.value(), 3)] += query.value().value(3).toDouble();

    return MetricFamily{u"metadata_approvals_pending"_s,
                        u"Change requests waiting for a decision."_s,
                        MetricType::Gauge,
                        samplesOf({u"tenant_id"_s, u"entity_type"_s, u"tier"_s}, series),
                        {}};
}

// Decisions are the final states of a request: approved, rejected, or cancelled by its requester.
Result<MetricFamily> MetricsCollector::approvalDecisions(const QStringList &tenants) const
{
    const QList<ApprovalStatus> decisions{ApprovalStatus::Approved, ApprovalStatus::Rejected,
                                          ApprovalStatus::Cancelled};
    QMap<QStringList, double> series;
    QVariantList values;
    for (const ApprovalStatus decision : decisions) {
        values.append(toString(decision));
        for (const QString &tenant : tenants) {
            for (const EntityType type : allEntityTypes())
                series.insert({tenant, toString(type), toString(decision)}, 0);
        }
    }

    auto query = m_database.run(u"SELECT tenant_id, entity_type, status, COUNT(*) FROM mdm_approval "
                                u"WHERE status IN (?, ?, ?) GROUP BY 1, 2, 3"_s,
                                values);
    if (!query)
        return query.error();
    while (query.value().next())
        series[textColumns(query.value(), 3)] += query.value().value(3).toDouble();

    return MetricFamily{u"metadata_approval_decisions_total"_s,
                        u"Change requests decided, by outcome: approved, rejected, or cancelled by the requester."_s,
                        MetricType::Counter,
                        samplesOf({u"tenant_id"_s, u"entity_type"_s, u"decision"_s}, series),
                        {}};
}

// The lines each tenant's alert rules draw (AlertThresholdService), so a Prometheus rule
// compares a score with its tenant's own line instead of a number of its own.
Result<MetricFamily> MetricsCollector::alertThresholds(const QStringList &tenants) const
{
    QMap<QStringList, double> series;
    for (const QString &tenant : tenants) {
        auto thresholds = alerts::AlertThresholdService::read(m_database, QUuid::fromString(tenant));
        if (!thresholds)
            return thresholds.error();
        series.insert({tenant, u"fire_below"_s}, thresholds.value().tier1FireBelow);
        series.insert({tenant, u"resolve_at"_s}, thresholds.value().tier1ResolveAt);
        series.insert({tenant, u"max_drop"_s}, thresholds.value().maxDropPoints);
    }
    return MetricFamily{u"metadata_quality_alert_threshold"_s,
                        u"The tenant's alert lines: tier1 fields alert below fire_below and recover at resolve_at; "
                        u"a run more than max_drop points below the previous one alerts."_s,
                        MetricType::Gauge,
                        samplesOf({u"tenant_id"_s, u"line"_s}, series),
                        {}};
}

} // namespace steward::metrics
