#pragma once

#include "model/Error.h"
#include "model/Types.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <array>
#include <optional>

namespace steward {
class Database;
}

namespace steward::quality {

// A half-open window of time [from, to), in UTC. Days are UTC calendar days.
struct Period
{
    QDateTime from;
    QDateTime to;

    // The last `days` UTC calendar days, the day of `now` included: from the start of the
    // first day to the start of the day after `now` (so runs later today still count).
    static Period lastDays(int days, const QDateTime &now);
    // Every UTC day the period touches, oldest first.
    QList<QDate> days() const;
};

// The grades of SPEC section 5, best first; index into DomainGrades::fields.
inline constexpr int kGradeCount = 5;
const QStringList &gradeNames(); // A, B, C, D, F

// Where one tier stood on one day: the average score of its completed runs within the
// tier's profiling window up to that day (profileWindowDays: tier1 that day, tier2 the
// last 3 days, tier3 7, tier4 and tier5 30), so every field on schedule counts about
// once and the line does not jump with which fields happened to run that day.
struct TierDayScore
{
    QDate day;
    Tier tier = Tier::Tier3;
    double averageScore = 0;
    int runs = 0; // completed, scored runs of the tier within the interval
};

// One field's completed runs on one day, averaged (a dimension is empty when no run of
// the day measured it).
struct FieldDayMetrics
{
    QDate day;
    std::optional<double> completeness;
    std::optional<double> uniqueness;
    std::optional<double> validity;
    std::optional<double> score;
    int runs = 0;
};

// How many fields of a domain have each grade, by their latest score.
struct DomainGrades
{
    QString domain; // empty: the field has no domain
    std::array<int, kGradeCount> fields{}; // A, B, C, D, F
    int total() const;
};

// A field whose latest completed score fell by more than the threshold since the run
// before it.
struct Degradation
{
    QString canonicalKey;
    std::optional<Tier> tier;
    QString domain;
    double previousScore = 0;
    double score = 0;
    QDateTime at;         // the latest run
    QDateTime previousAt; // the run it is compared with
    double drop() const { return previousScore - score; }
};

// Profile runs that ended on one day, by outcome.
struct RunsDay
{
    QDate day;
    int completed = 0;
    int failed = 0;
    int cancelled = 0;
};

// Durations of completed runs in buckets: counts[i] holds the runs with
// upperBoundsSeconds[i-1] < duration <= upperBoundsSeconds[i] (not cumulative), and the
// last count, one past the bounds, the runs longer than the last bound.
struct DurationHistogram
{
    QList<double> upperBoundsSeconds;
    QList<int> counts;
    int runs() const;
};

// The profiler's side of a period: its runs per day and the tiers' quality lines, both
// from one pass over the runs (QualityQueries::activity).
struct ProfileActivity
{
    QList<TierDayScore> tierTrend;
    QList<RunsDay> runsPerDay;
};

// Pending change requests of one tier and entity type.
struct PendingCount
{
    Tier tier = Tier::Tier3;
    EntityType entityType = EntityType::GlobalMetadata;
    int count = 0;
};

// Decisions (approvals and rejections; a withdrawal is no decision) taken on one day
// on requests of one entity type.
struct DecisionDay
{
    QDate day;
    EntityType entityType = EntityType::GlobalMetadata;
    int approved = 0;
    int rejected = 0;
    int total() const { return approved + rejected; }
};

// How long requests waited for their decision.
struct DecisionTime
{
    int decisions = 0;
    std::optional<double> medianSeconds; // empty without decisions
};

// The aggregated questions the Quality page and the quality report ask of mdm_profile
// and mdm_approval, for one tenant. Every query groups in the database (by day, tier,
// domain, grade, bucket) and returns one row per group, never one per profile run.
// Run them on the connection of the thread that calls (they only read).
//
// Where tier and domain come from: a field's current classification in
// mdm_global_metadata (joined by canonical_key), falling back to what the run recorded
// (mdm_profile.tier, details.domain) for keys the catalog does not hold; the tier trend
// uses the tier recorded on each run.
//
// Cost: the time-series queries read one range of the (tenant_id, created_at, ...)
// index; the per-field ones (latest run, the run before it, fields in the period) seek
// the (tenant_id, canonical_key, created_at, ...) index once or twice per field, the
// fields found by skipping from key to key. Both indexes cover what is read (schema
// version 4), so the wide rows are only touched for the few rows returned.
class QualityQueries
{
public:
    explicit QualityQueries(Database &database);

    // SPEC section 6's duration buckets, in seconds: 0.1, 0.5, 1, 2, 5, 10, 30, 60.
    static QList<double> defaultDurationBounds();

    // What the profiler did in the period, from ONE pass over the runs grouped by day,
    // tier and status: the tier trend and the runs per day below. Use it when both are
    // wanted.
    Result<ProfileActivity> activity(const QUuid &tenantId, const Period &period) const;

    // Per tier, for every day of the period on which the tier has runs within its
    // interval: the average score of those runs (see TierDayScore). Ordered by tier, then
    // day. The tier is the one recorded on each run (what the field was when measured).
    Result<QList<TierDayScore>> tierTrend(const QUuid &tenantId, const Period &period) const;

    // One field's daily average completeness, uniqueness, validity and score over its
    // completed runs in the period, oldest day first.
    Result<QList<FieldDayMetrics>> fieldTrend(const QUuid &tenantId, const QString &canonicalKey,
                                              const Period &period) const;

    // The keys of the fields with at least one run in the period, sorted.
    Result<QStringList> profiledFields(const QUuid &tenantId, const Period &period) const;

    // Per domain (sorted by name), how many fields have each grade by their latest
    // completed, scored run in the period (the stored quality_grade). A field not
    // measured in the period is not counted.
    Result<QList<DomainGrades>> gradeDistribution(const QUuid &tenantId, const Period &period) const;

    // Fields whose latest completed, scored run lies in the period and scored more than
    // `minimumDrop` points below the field's previous completed, scored run (which may
    // be older than the period): newest first, at most `limit`.
    Result<QList<Degradation>> recentDegradations(const QUuid &tenantId, const Period &period,
                                                  double minimumDrop = 10.0, int limit = 100) const;

    // Runs per day in the period by status, oldest day first; days without runs are absent.
    Result<QList<RunsDay>> runsPerDay(const QUuid &tenantId, const Period &period) const;

    // Durations of the completed runs in the period, bucketed by `upperBoundsSeconds`
    // (ascending), grouped by bucket in the database. The histogram always has
    // bounds.size() + 1 counts.
    Result<DurationHistogram>
    durationHistogram(const QUuid &tenantId, const Period &period,
                      const QList<double> &upperBoundsSeconds = defaultDurationBounds()) const;

    // The pending queue now (not limited to a period), per tier and entity type, ordered
    // by tier then entity type; combinations without requests are absent.
    Result<QList<PendingCount>> pendingByTier(const QUuid &tenantId) const;

    // Approvals and rejections decided in the period, per day and entity type, oldest first.
    Result<QList<DecisionDay>> decisionsPerDay(const QUuid &tenantId, const Period &period) const;

    // The median time from request to decision of the requests decided (approved or
    // rejected) in the period; with an even count, the mean of the middle two.
    Result<DecisionTime> medianTimeToDecision(const QUuid &tenantId, const Period &period) const;

private:
    Database &m_database;
};

} // namespace steward::quality
