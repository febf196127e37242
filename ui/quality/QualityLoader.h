#pragma once

#include "alerts/AlertRules.h"
#include "quality/QualityQueries.h"
#include "store/DatabaseUrl.h"

#include <QDateTime>

namespace steward {

class Database;

// What the Quality page asks for: one tenant, one period, one selected field, and which
// parts of the figures (the page reads the profiler's activity and the per-field figures
// on two loaders at once).
struct QualityRequest
{
    enum Part {
        Activity = 0x1,  // tier trend and runs per day: one pass over the period's runs
        Fields = 0x2,    // durations, fields, grades by domain, degradations, the approval queue
        FieldTrend = 0x4 // the selected field's trend
    };
    Q_DECLARE_FLAGS(Parts, Part)

    quint64 generation = 0;
    QUuid tenantId;
    int days = 30;
    QString fieldKey; // empty: the loader picks one (the newest degradation, else the first field)
    Parts parts = Parts(Activity | Fields | FieldTrend);
    bool fieldOnly() const { return parts == FieldTrend; }
};
Q_DECLARE_OPERATORS_FOR_FLAGS(QualityRequest::Parts)

// Everything the Quality page shows, read in one go on the loader's thread.
struct QualitySnapshot
{
    QualityRequest request;
    quality::Period period;
    QString fieldKey; // the field whose trend is in fieldTrend
    QStringList fields;
    QList<quality::TierDayScore> tierTrend;
    QList<quality::FieldDayMetrics> fieldTrend;
    QList<quality::DomainGrades> distribution;
    QList<quality::Degradation> degradations;
    QList<quality::RunsDay> runsPerDay;
    quality::DurationHistogram durations;
    QList<quality::PendingCount> pending;
    QList<quality::DecisionDay> decisionsPerDay;
    quality::DecisionTime decisionTime;
    alerts::AlertThresholds thresholds; // the tenant's: the score line is its tier1 fire line
    QString error; // non-empty: the load failed and says why
};

// Reads the Quality page's figures. The page runs it on worker threads (JobRunner) with
// their own connections; tests and benchmarks call it directly.
class QualityLoader
{
public:
    // Runs the queries of the request's parts on `database`, synchronously.
    static QualitySnapshot read(Database &database, const QualityRequest &request, const QDateTime &now);
};

} // namespace steward
