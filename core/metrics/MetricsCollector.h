#pragma once

#include "metrics/MetricsExposition.h"
#include "model/Error.h"

#include <utility>

namespace steward {
class Database;
}

namespace steward::metrics {

// Reads the metrics of SPEC section 6 for every tenant in the database, each family
// from one aggregated query (GROUP BY in SQL), all of them in one read transaction so a
// scrape is a consistent snapshot. Use it on the thread that opened `database`.
class MetricsCollector
{
public:
    explicit MetricsCollector(const Database &database);

    Result<QList<MetricFamily>> collect() const;

    static QList<double> qualityScoreBuckets();    // 0, 25, 50, 75, 90, 95, 99, 100
    static QList<double> profileDurationBuckets(); // seconds: 0.1 .. 60

private:
    Result<QStringList> tenantIds() const;
    Result<MetricFamily> qualityScores() const;
    Result<MetricFamily> qualityScoreDistribution() const;
    // metadata_profile_runs_total and metadata_profile_duration_seconds, from one scan.
    Result<std::pair<MetricFamily, MetricFamily>> profileRuns(const QStringList &tenants) const;
    Result<MetricFamily> approvalsPending(const QStringList &tenants) const;
    Result<MetricFamily> approvalDecisions(const QStringList &tenants) const;
    Result<MetricFamily> alertThresholds(const QStringList &tenants) const;

    const Database &m_database;
};

} // namespace steward::metrics
