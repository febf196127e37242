#include "QualityQueries.h"

#include "model/Approval.h"
#include "profiler/ProfileTypes.h"
#include "quality/LatestRun.h"
#include "store/Database.h"
#include "store/SqlStatement.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::quality {
namespace {

QVariantList periodValues(const QUuid &tenantId, const Period &period)
{
    return {uuidText(tenantId), toIsoTimestamp(period.from), toIsoTimestamp(period.to)};
}

QDate dayFrom(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

std::optional<double> optionalReal(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

} // namespace

Period Period::lastDays(int days, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    const QDate first = today.addDays(-(std::max(1, days) - 1));
    return Period{QDateTime(first, QTime(0, 0), Qt::UTC), QDateTime(today.addDays(1), QTime(0, 0), Qt::UTC)};
}

QList<QDate> Period::days() const
{
    QList<QDate> list;
    if (!from.isValid() || !to.isValid() || to <= from)
        return list;
    const QDate last = to.toUTC().addMSecs(-1).date();
    for (QDate day = from.toUTC().date(); day <= last; day = day.addDays(1))
        list.append(day);
    return list;
}

const QStringList &gradeNames()
{
    static const QStringList names{u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"F"_s};
    return names;
}

int DomainGrades::total() const
{
    int sum = 0;
    for (const int count : fields)
        sum += count;
    return sum;
}

int DurationHistogram::runs() const
{
    int sum = 0;
    for (const int count : counts)
        sum += count;
    return sum;
}

QualityQueries::QualityQueries(Database &database) : m_database(database) {}

QList<double> QualityQueries::defaultDurationBounds()
{
    return {0.1, 0.5, 1, 2, 5, 10, 30, 60};
}

Result<QList<FieldDayMetrics>> QualityQueries::fieldTrend(const QUuid &tenantId, const QString &canonicalKey,
                                                          const Period &period) const
{
    auto query = m_database.run(
        u"SELECT "_s + m_database.dialect().dayOf(u"created_at"_s)
            + u" AS day, AVG(completeness), AVG(uniqueness), AVG(validity), AVG(quality_score), COUNT(*) "
              u"FROM mdm_profile WHERE tenant_id = ? AND canonical_key = ? AND created_at >= ? AND created_at < ? "
              u"AND status = 'completed' GROUP BY day ORDER BY day"_s,
        {uuidText(tenantId), canonicalKey, toIsoTimestamp(period.from), toIsoTimestamp(period.to)});
    if (!query)
        return query.error();
    QList<FieldDayMetrics> rows;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        rows.append(FieldDayMetrics{dayFrom(row.value(0)), optionalReal(row.value(1)), optionalReal(row.value(2)),
                                    optionalReal(row.value(3)), optionalReal(row.value(4)), row.value(5).toInt()});
    }
    return rows;
}

Result<QStringList> QualityQueries::profiledFields(const QUuid &tenantId, const Period &period) const
{
    SqlStatement sql;
    sql(u"WITH RECURSIVE "_s);
    LatestRun::fields(sql, tenantId);
    sql(u" SELECT f.canonical_key FROM fields f WHERE EXISTS (SELECT 1 FROM mdm_profile p "
        u"WHERE p.tenant_id = f.tenant_id AND p.canonical_key = f.canonical_key AND p.created_at >= ? "
        u"AND p.created_at < ?) ORDER BY f.canonical_key"_s,
        {toIsoTimestamp(period.from), toIsoTimestamp(period.to)});
    return m_database.texts(sql.text(), sql.values());
}

Result<QList<DomainGrades>> QualityQueries::gradeDistribution(const QUuid &tenantId, const Period &period) const
{
    // Per field a seek for its latest run up to the end of the period, counted by domain
    // and grade when that run lies in the period.
    SqlStatement sql;
    sql(u"WITH RECURSIVE "_s);
    LatestRun::fields(sql, tenantId);
    LatestRun::latestRuns(sql, u"latest"_s, period.to);
    sql(u" SELECT "_s + LatestRun::domainOf(m_database.dialect(), u"p"_s, u"g"_s)
        + u" AS field_domain, p.quality_grade, COUNT(*) FROM latest JOIN mdm_profile p ON p.id = latest.run_id"_s
        + LatestRun::catalogJoin(u"p"_s, u"g"_s)
        + u"WHERE p.created_at >= ? AND p.quality_grade IS NOT NULL "
          u"GROUP BY field_domain, p.quality_grade ORDER BY field_domain"_s,
        {toIsoTimestamp(period.from)});
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();
    QList<DomainGrades> rows;
    while (query.value().next()) {
        const QString domain = query.value().value(0).toString();
        const qsizetype grade = gradeNames().indexOf(query.value().value(1).toString());
        if (grade < 0)
            continue;
        if (rows.isEmpty() || rows.constLast().domain != domain)
            rows.append(DomainGrades{domain, {}});
        rows.last().fields[std::size_t(grade)] += query.value().value(2).toInt();
    }
    return rows;
}

Result<QList<Degradation>> QualityQueries::recentDegradations(const QUuid &tenantId, const Period &period,
                                                              double minimumDrop, int limit) const
{
    // Per field a seek for its latest run up to the end of the period; for those in the
    // period and low enough to have dropped that far, a seek for the run before it.
    SqlStatement sql;
    sql(u"WITH RECURSIVE "_s);
    LatestRun::fields(sql, tenantId);
    LatestRun::latestRuns(sql, u"latest"_s, period.to);
    sql(u", candidates(run_id, previous_id) AS (SELECT p.id, "_s);
    LatestRun::idOf(sql, u"p.tenant_id"_s, u"p.canonical_key"_s, {{}, u"p.created_at"_s, u"p.id"_s});
    sql(u" FROM latest JOIN mdm_profile p ON p.id = latest.run_id WHERE p.created_at >= ? AND p.quality_score < ?) "_s,
        {toIsoTimestamp(period.from), 100.0 - minimumDrop});
    sql(u"SELECT p.canonical_key, "_s + LatestRun::tierOf(u"p"_s, u"g"_s) + u", "_s
        + LatestRun::domainOf(m_database.dialect(), u"p"_s, u"g"_s)
        + u", q.quality_score, p.quality_score, p.created_at, q.created_at FROM candidates c "
          u"JOIN mdm_profile p ON p.id = c.run_id JOIN mdm_profile q ON q.id = c.previous_id"_s
        + LatestRun::catalogJoin(u"p"_s, u"g"_s)
        + u"WHERE q.quality_score - p.quality_score > ? ORDER BY p.created_at DESC, p.canonical_key LIMIT ?"_s,
        {minimumDrop, std::max(0, limit)});
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();
    QList<Degradation> rows;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        rows.append(Degradation{row.value(0).toString(), tierFromString(row.value(1).toString()),
                                row.value(2).toString(), row.value(3).toDouble(), row.value(4).toDouble(),
                                fromIsoTimestamp(row.value(5).toString()), fromIsoTimestamp(row.value(6).toString())});
    }
    return rows;
}

Result<ProfileActivity> QualityQueries::activity(const QUuid &tenantId, const Period &period) const
{
    ProfileActivity activity;
    const QList<QDate> days = period.days();
    if (days.isEmpty())
        return activity;

    // One pass over the runs from far enough back to fill the longest trend interval,
    // grouped by day, tier and status.
    int longest = 1;
    for (const Tier tier : allTiers())
        longest = std::max(longest, profileWindowDays(tier));
    const QDate firstDay = days.constFirst();
    const QDateTime from = std::min(period.from, QDateTime(firstDay.addDays(-(longest - 1)), QTime(0, 0), Qt::UTC));
    auto query = m_database.run(u"SELECT "_s + m_database.dialect().dayOf(u"created_at"_s)
                                    + u" AS day, tier, status, COUNT(*), SUM(quality_score), COUNT(quality_score) "
                                      u"FROM mdm_profile WHERE tenant_id = ? AND created_at >= ? AND created_at < ? "
                                      u"GROUP BY day, tier, status ORDER BY day"_s,
                                {uuidText(tenantId), toIsoTimestamp(from), toIsoTimestamp(period.to)});
    if (!query)
        return query.error();

    struct Scores
    {
        double total = 0;
        int runs = 0;
    };
    QHash<Tier, QHash<QDate, Scores>> scores;
    while (query.value().next()) {
        const QSqlQuery &row = query.value();
        const QDate day = dayFrom(row.value(0));
        const auto status = storedValue(profiler::runStatusFromString, u"mdm_profile.status"_s, row.value(2).toString());
        if (!status)
            return status.error();
        const int runs = row.value(3).toInt();
        const bool completed = status.value() == profiler::RunStatus::Completed;
        if (completed && row.value(5).toInt() > 0) {
            auto tier = storedValue(tierFromString, u"mdm_profile.tier"_s, row.value(1).toString());
            if (!tier)
                return tier.error();
            {
                Scores &sum = scores[tier.value()][day];
                sum.total += row.value(4).toDouble();
                sum.runs += row.value(5).toInt();
            }
        }
        if (day < firstDay)
            continue; // read only for the trend's intervals
        if (activity.runsPerDay.isEmpty() || activity.runsPerDay.constLast().day != day)
            activity.runsPerDay.append(RunsDay{day, 0, 0, 0});
        RunsDay &counts = activity.runsPerDay.last();
        if (completed)
            counts.completed += runs;
        else if (status.value() == profiler::RunStatus::Failed)
            counts.failed += runs;
        else if (status.value() == profiler::RunStatus::Cancelled)
            counts.cancelled += runs;
    }

    // Each tier's line: the runs within its interval up to each day.
    for (const Tier tier : allTiers()) {
        const QHash<QDate, Scores> &byDay = scores.value(tier);
        if (byDay.isEmpty())
            continue;
        const int interval = profileWindowDays(tier);
        for (const QDate &day : days) {
            Scores window;
            for (int back = 0; back < interval; ++back) {
                const Scores sum = byDay.value(day.addDays(-back));
                window.total += sum.total;
                window.runs += sum.runs;
            }
            if (window.runs > 0)
                activity.tierTrend.append(TierDayScore{day, tier, window.total / window.runs, window.runs});
        }
    }
    return activity;
}

Result<QList<TierDayScore>> QualityQueries::tierTrend(const QUuid &tenantId, const Period &period) const
{
    auto result = activity(tenantId, period);
    if (!result)
        return result.error();
    return result.value().tierTrend;
}

Result<QList<RunsDay>> QualityQueries::runsPerDay(const QUuid &tenantId, const Period &period) const
{
    auto result = activity(tenantId, period);
    if (!result)
        return result.error();
    return result.value().runsPerDay;
}

Result<DurationHistogram> QualityQueries::durationHistogram(const QUuid &tenantId, const Period &period,
                                                            const QList<double> &upperBoundsSeconds) const
{
    DurationHistogram histogram;
    histogram.upperBoundsSeconds = upperBoundsSeconds;
    std::sort(histogram.upperBoundsSeconds.begin(), histogram.upperBoundsSeconds.end());
    histogram.counts = QList<int>(histogram.upperBoundsSeconds.size() + 1, 0);

    // CASE WHEN duration_ms <= ? THEN 0 WHEN duration_ms <= ? THEN 1 ... ELSE n END
    QString bucket = u"CASE"_s;
    QVariantList values;
    for (qsizetype i = 0; i < histogram.upperBoundsSeconds.size(); ++i) {
        // Durations are whole milliseconds: comparing integers with integers keeps it cheap.
        bucket += u" WHEN duration_ms <= ? THEN %1"_s.arg(i);
        values.append(qint64(std::floor(histogram.upperBoundsSeconds.at(i) * 1000.0)));
    }
    bucket += u" ELSE %1 END"_s.arg(histogram.upperBoundsSeconds.size());
    values += periodValues(tenantId, period);
    auto query = m_database.run(u"SELECT "_s + bucket
                                    + u" AS bucket, COUNT(*) FROM mdm_profile "
                                      u"WHERE tenant_id = ? AND created_at >= ? AND created_at < ? "
                                      u"AND status = 'completed' AND duration_ms IS NOT NULL GROUP BY bucket"_s,
                                values);
    if (!query)
        return query.error();
    while (query.value().next()) {
        const int index = query.value().value(0).toInt();
        if (index >= 0 && index < histogram.counts.size())
            histogram.counts[index] = query.value().value(1).toInt();
    }
    return histogram;
}

Result<QList<PendingCount>> QualityQueries::pendingByTier(const QUuid &tenantId) const
{
    auto query = m_database.run(u"SELECT tier, entity_type, COUNT(*) FROM mdm_approval "
                                u"WHERE tenant_id = ? AND status = 'pending' "
                                u"GROUP BY tier, entity_type ORDER BY tier, entity_type"_s,
                                {uuidText(tenantId)});
    if (!query)
        return query.error();
    QList<PendingCount> rows;
    while (query.value().next()) {
        auto tier = storedValue(tierFromString, u"mdm_approval.tier"_s, query.value().value(0).toString());
        auto type = storedValue(entityTypeFromString, u"mdm_approval.entity_type"_s, query.value().value(1).toString());
        if (!tier)
            return tier.error();
        if (!type)
            return type.error();
        rows.append(PendingCount{tier.value(), type.value(), query.value().value(2).toInt()});
    }
    return rows;
}

Result<QList<DecisionDay>> QualityQueries::decisionsPerDay(const QUuid &tenantId, const Period &period) const
{
    auto query = m_database.run(u"SELECT "_s + m_database.dialect().dayOf(u"decided_at"_s)
                                    + u" AS day, entity_type, SUM(CASE WHEN status = 'approved' THEN 1 ELSE 0 END), "
                                      u"SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) "
                                      u"FROM mdm_approval WHERE tenant_id = ? AND decided_at >= ? AND decided_at < ? "
                                      u"AND status IN ('approved', 'rejected') "
                                      u"GROUP BY day, entity_type ORDER BY day, entity_type"_s,
                                periodValues(tenantId, period));
    if (!query)
        return query.error();
    QList<DecisionDay> rows;
    while (query.value().next()) {
        auto type = storedValue(entityTypeFromString, u"mdm_approval.entity_type"_s, query.value().value(1).toString());
        if (!type)
            return type.error();
        rows.append(DecisionDay{dayFrom(query.value().value(0)), type.value(), query.value().value(2).toInt(),
                                query.value().value(3).toInt()});
    }
    return rows;
}

Result<DecisionTime> QualityQueries::medianTimeToDecision(const QUuid &tenantId, const Period &period) const
{
    const QString decided = u"FROM mdm_approval WHERE tenant_id = ? AND decided_at >= ? AND decided_at < ? "
                            u"AND status IN ('approved', 'rejected') AND requested_at IS NOT NULL"_s;
    auto counted = m_database.run(u"SELECT COUNT(*) "_s + decided, periodValues(tenantId, period));
    if (!counted)
        return counted.error();
    DecisionTime time;
    time.decisions = counted.value().next() ? counted.value().value(0).toInt() : 0;
    if (time.decisions == 0)
        return time;

    // The middle one (odd count) or the middle two (even count), sorted in the database.
    const int middle = (time.decisions - 1) / 2;
    const int take = time.decisions % 2 == 1 ? 1 : 2;
    QVariantList values = periodValues(tenantId, period);
    values << take << middle;
    auto query = m_database.run(u"SELECT "_s + m_database.dialect().secondsBetween(u"requested_at"_s, u"decided_at"_s)
                                    + u" AS seconds "_s + decided + u" ORDER BY seconds LIMIT ? OFFSET ?"_s,
                                values);
    if (!query)
        return query.error();
    double sum = 0;
    int read = 0;
    while (query.value().next()) {
        sum += query.value().value(0).toDouble();
        ++read;
    }
    if (read > 0)
        time.medianSeconds = sum / read;
    return time;
}

} // namespace steward::quality
