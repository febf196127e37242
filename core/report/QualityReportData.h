#pragma once

#include "alerts/AlertRules.h"
#include "model/Error.h"
#include "profiler/ProfileTypes.h"
#include "quality/QualityQueries.h"
#include "report/ReportTypes.h"

#include <optional>

namespace steward {
class Database;
}

namespace steward::report {

// One field's quality at the end of the period: its latest completed, scored run up to
// then, and its latest such run before the period began (for the change).
struct FieldQuality
{
    QString canonicalKey;
    QString tier;   // tier1..tier5, or "" when neither the catalog nor the run knows
    QString domain; // "" when none
    double score = 0;
    QString grade;
    QDateTime measuredAt;
    std::optional<double> completeness;
    std::optional<double> uniqueness;
    std::optional<double> validity;
    std::optional<double> startScore;
    profiler::ColumnMetrics counts; // rows, nulls, invalid values and per-rule outcomes
    int openAlerts = 0;

    std::optional<double> change() const;
};

// The fields of one tier and domain (domain empty: the whole tier), averaged.
struct GroupQuality
{
    QString tier;
    QString domain;
    int fields = 0;
    double averageScore = 0;
    QString grade;
    std::optional<double> averageStartScore; // over the fields measured before the period
    std::optional<double> change;            // average score now minus at the start
    int belowThreshold = 0;
};

struct QualityReport
{
    double threshold = 80.0; // the tenant's tier1 alert line
    QList<GroupQuality> tiers;  // tier totals, tier1 first
    QList<GroupQuality> groups; // per tier and domain, by tier then domain
    QList<FieldQuality> fields; // worst first (lowest score, then key)
    QList<quality::TierDayScore> tierTrend;
    QList<quality::DomainGrades> gradeDistribution;
    QList<quality::RunsDay> runsPerDay;
    QList<quality::Degradation> degradations;
    QList<alerts::Alert> openAlerts; // firing now and fired before the period ended, newest first

    QList<FieldQuality> belowThreshold() const;
    QList<FieldQuality> worst(int count) const; // the `count` lowest scores
    bool isEmpty() const { return fields.isEmpty() && tierTrend.isEmpty() && openAlerts.isEmpty(); }
};

// Collects the quality report of one tenant and period. The trends, grade distribution,
// runs and degradations are the Quality page's own queries (core/quality); the
// per-field state at the period's edges is read here, one row per field.
class QualityReportData
{
public:
    // The threshold is the tenant's tier1 alert line (AlertThresholdService), read by load().
    QualityReportData(Database &database, const QUuid &tenantId, const ReportPeriod &period);

    Result<QualityReport> load() const;

private:
    Result<QList<FieldQuality>> fieldStates() const;

    Database &m_database;
    QUuid m_tenantId;
    ReportPeriod m_period;
};

// Scores, percentages and changes in every format: one decimal.
QString scoreText(double score);
QString scoreText(const std::optional<double> &score);   // "" when empty
QString changeText(const std::optional<double> &change); // "+1.5", "-3.0", ""
double roundedScore(double score);

} // namespace steward::report
