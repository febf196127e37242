#include "QualityQueries.h"

#include "model/Approval.h"
#include "profiler/ProfileTypes.h"
#include "store/Database.h"

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::quality {
namespace {

// The few expressions SQL engines spell differently, kept in one place (these are
// SQLite's; timestamps are ISO-8601 UTC text, so the day is their first ten characters).
QString dayOf(const QString &column)
{
    return u"substr(%1, 1, 10)"_s.arg(column);
}

QString secondsBetween(const QString &from, const QString &to)
{
    return u"((julianday(%2) - julianday(%1)) * 86400.0)"_s.arg(from, to);
}

QString jsonMember(const QString &column, const QString &member)
{
    return u"json_extract(%1, '$.%2')"_s.arg(column, member);
}

// SQL text and its bound values, written together so each value sits beside its "?".
class Statement
{
public:
    Statement &operator()(const QString &text, const QVariantList &values = {})
    {
        m_text += text;
        m_values += values;
        return *this;
    }
    const QString &text() const { return m_text; }
    const QVariantList &values() const { return m_values; }

private:
    QString m_text;
    QVariantList m_values;
};

// Every field key of the tenant's runs, found by skipping from one key to the next in
// the field history index: a seek per field instead of a read of every run.
void fieldKeys(Statement &sql, const QString &tenant)
{
    sql(u"field_keys(field) AS (SELECT MIN(canonical_key) FROM mdm_profile WHERE tenant_id = ? "_s, {tenant})(
        u"UNION ALL SELECT (SELECT MIN(k.canonical_key) FROM mdm_profile k WHERE k.tenant_id = ? "
        u"AND k.canonical_key > field_keys.field) FROM field_keys WHERE field_keys.field IS NOT NULL)"_s,
        {tenant});
}

// A column of the field's latest completed, scored run in the period (NULL: none): one
// backwards seek in the field history index, which covers every column read this way.
void latestInPeriod(Statement &sql, const QString &column, const QString &field, const QString &tenant,
                    const Period &period)
{
    sql(u"(SELECT p.%1 FROM mdm_profile p WHERE p.tenant_id = ? AND p.canonical_key = %2 "
        u"AND p.status = 'completed' AND p.quality_score IS NOT NULL AND p.created_at >= ? AND p.created_at < ? "
        u"ORDER BY p.created_at DESC LIMIT 1)"_s.arg(column, field),
        {tenant, toIsoTimestamp(period.from), toIsoTimestamp(period.to)});
}

// A column of the field's completed, scored run before `at`.
void previousRun(Statement &sql, const QString &column, const QString &field, const QString &at,
                 const QString &tenant)
{
    sql(u"(SELECT q.%1 FROM mdm_profile q WHERE q.tenant_id = ? AND q.canonical_key = %2 "
        u"AND q.status = 'completed' AND q.quality_score IS NOT NULL AND q.created_at < %3 "
        u"ORDER BY q.created_at DESC LIMIT 1)"_s.arg(column, field, at),
        {tenant});
}

// The field's current domain (catalog alias g), else the one recorded in the details
// of its run at `at`; the details are only read for fields the catalog gives no domain.
void domainOf(Statement &sql, const QString &field, const QString &at, const QString &tenant)
{
    sql(u"COALESCE(g.domain, (SELECT "_s + jsonMember(u"d.details"_s, u"domain"_s) +
            u" FROM mdm_profile d WHERE d.tenant_id = ? AND d.canonical_key = %1 AND d.created_at = %2 LIMIT 1), '')"_s
                .arg(field, at),
        {tenant});
}

void catalogJoin(Statement &sql, const QString &field, const QString &tenant)
{
    sql(u" LEFT JOIN mdm_global_metadata g ON g.tenant_id = ? AND g.canonical_key = %1 "_s.arg(field), {tenant});
}

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
        u"SELECT "_s + dayOf(u"created_at"_s)
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
    const QString tenant = uuidText(tenantId);
    Statement sql;
    sql(u"WITH RECURSIVE "_s);
    fieldKeys(sql, tenant);
    sql(u" SELECT field FROM field_keys WHERE field IS NOT NULL AND EXISTS (SELECT 1 FROM mdm_profile p "
        u"WHERE p.tenant_id = ? AND p.canonical_key = field AND p.created_at >= ? AND p.created_at < ?) "
        u"ORDER BY field"_s,
        {tenant, toIsoTimestamp(period.from), toIsoTimestamp(period.to)});
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();
    QStringList keys;
    while (query.value().next())
        keys.append(query.value().value(0).toString());
    return keys;
}

Result<QList<DomainGrades>> QualityQueries::gradeDistribution(const QUuid &tenantId, const Period &period) const
{
    // Per field a seek for its latest grade and when it was measured, then domain and grade counted.
    const QString tenant = uuidText(tenantId);
    Statement sql;
    sql(u"WITH RECURSIVE "_s);
    fieldKeys(sql, tenant);
    sql(u", latest(field, grade, at) AS (SELECT field, "_s);
    latestInPeriod(sql, u"quality_grade"_s, u"field_keys.field"_s, tenant, period);
    sql(u", "_s);
    latestInPeriod(sql, u"created_at"_s, u"field_keys.field"_s, tenant, period);
    sql(u" FROM field_keys WHERE field_keys.field IS NOT NULL) SELECT "_s);
    domainOf(sql, u"latest.field"_s, u"latest.at"_s, tenant);
    sql(u" AS field_domain, latest.grade, COUNT(*) FROM latest"_s);
    catalogJoin(sql, u"latest.field"_s, tenant);
    sql(u"WHERE latest.grade IS NOT NULL GROUP BY field_domain, latest.grade ORDER BY field_domain"_s);
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
    // Per field a seek for its latest score and time; for those low enough to have dropped
    // that far, a seek for the run before; tier, domain and the earlier time for the drops.
    const QString tenant = uuidText(tenantId);
    Statement sql;
    sql(u"WITH RECURSIVE "_s);
    fieldKeys(sql, tenant);
    sql(u", latest(field, score, at) AS (SELECT field, "_s);
    latestInPeriod(sql, u"quality_score"_s, u"field_keys.field"_s, tenant, period);
    sql(u", "_s);
    latestInPeriod(sql, u"created_at"_s, u"field_keys.field"_s, tenant, period);
    sql(u" FROM field_keys WHERE field_keys.field IS NOT NULL), "
        u"candidates(field, score, at, previous_score) AS (SELECT field, score, at, "_s);
    previousRun(sql, u"quality_score"_s, u"latest.field"_s, u"latest.at"_s, tenant);
    sql(u" FROM latest WHERE latest.score < ?) SELECT c.field, COALESCE(g.tier, "_s, {100.0 - minimumDrop});
    sql(u"(SELECT t.tier FROM mdm_profile t WHERE t.tenant_id = ? AND t.canonical_key = c.field "
        u"AND t.created_at = c.at LIMIT 1)), "_s,
        {tenant});
    domainOf(sql, u"c.field"_s, u"c.at"_s, tenant);
    sql(u", c.previous_score, c.score, c.at, "_s);
    previousRun(sql, u"created_at"_s, u"c.field"_s, u"c.at"_s, tenant);
    sql(u" FROM candidates c"_s);
    catalogJoin(sql, u"c.field"_s, tenant);
    sql(u"WHERE c.previous_score - c.score > ? ORDER BY c.at DESC, c.field LIMIT ?"_s,
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
    auto query = m_database.run(u"SELECT "_s + dayOf(u"created_at"_s)
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
        const auto status = profiler::runStatusFromString(row.value(2).toString());
        const int runs = row.value(3).toInt();
        const bool completed = status == profiler::RunStatus::Completed;
        if (completed) {
            if (const auto tier = tierFromString(row.value(1).toString()); tier && row.value(5).toInt() > 0) {
                Scores &sum = scores[*tier][day];
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
        else if (status == profiler::RunStatus::Failed)
            counts.failed += runs;
        else if (status == profiler::RunStatus::Cancelled)
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
        const auto tier = tierFromString(query.value().value(0).toString());
        const auto type = entityTypeFromString(query.value().value(1).toString());
        if (tier && type)
            rows.append(PendingCount{*tier, *type, query.value().value(2).toInt()});
    }
    return rows;
}

Result<QList<DecisionDay>> QualityQueries::decisionsPerDay(const QUuid &tenantId, const Period &period) const
{
    auto query = m_database.run(u"SELECT "_s + dayOf(u"decided_at"_s)
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
        const auto type = entityTypeFromString(query.value().value(1).toString());
        if (type)
            rows.append(DecisionDay{dayFrom(query.value().value(0)), *type, query.value().value(2).toInt(),
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
    auto query = m_database.run(u"SELECT "_s + secondsBetween(u"requested_at"_s, u"decided_at"_s)
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
