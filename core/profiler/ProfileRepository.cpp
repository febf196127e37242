#include "profiler/ProfileRepository.h"

#include "model/Approval.h"
#include "quality/LatestRun.h"
#include "store/Database.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

const QString kColumns = u"id, tenant_id, entity_urn, canonical_key, tier, trigger, status, completeness, "
                         u"uniqueness, validity, quality_score, quality_grade, row_count, sampled_rows, "
                         u"duration_ms, error, details, created_at"_s;

QVariant optionalReal(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant();
}

std::optional<double> readReal(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

Result<ProfileRun> readRun(const QSqlQuery &row)
{
    ProfileRun run;
    run.id = QUuid::fromString(row.value(0).toString());
    run.tenantId = QUuid::fromString(row.value(1).toString());
    run.entityUrn = row.value(2).toString();
    run.canonicalKey = row.value(3).toString();
    // A run without a tier (a field with none) reads as tier3; a tier nobody knows is an error.
    const QString tier = row.value(4).toString();
    auto parsedTier = tier.isEmpty() ? Result<Tier>(Tier::Tier3) : storedValue(tierFromString, u"mdm_profile.tier"_s, tier);
    auto trigger = storedValue(triggerFromString, u"mdm_profile.trigger"_s, row.value(5).toString());
    auto status = storedValue(runStatusFromString, u"mdm_profile.status"_s, row.value(6).toString());
    if (!parsedTier)
        return parsedTier.error();
    if (!trigger)
        return trigger.error();
    if (!status)
        return status.error();
    run.tier = parsedTier.value();
    run.trigger = trigger.value();
    run.status = status.value();
    run.details = QJsonDocument::fromJson(row.value(16).toString().toUtf8()).object();
    run.metrics = countsFromDetails(run.details);
    run.metrics.completeness = readReal(row.value(7));
    run.metrics.uniqueness = readReal(row.value(8));
    run.metrics.validity = readReal(row.value(9));
    run.metrics.qualityScore = readReal(row.value(10));
    run.metrics.qualityGrade = row.value(11).toString();
    run.rowCount = row.value(12).toLongLong();
    run.sampledRows = row.value(13).toLongLong();
    run.durationMs = row.value(14).toLongLong();
    run.error = row.value(15).toString();
    run.domain = run.details.value(u"domain"_s).toString();
    run.createdAt = fromIsoTimestamp(row.value(17).toString());
    return run;
}

Result<QList<ProfileRun>> readRuns(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    QList<ProfileRun> runs;
    while (query.value().next()) {
        auto run = readRun(query.value());
        if (!run)
            return run.error();
        runs.append(run.value());
    }
    return runs;
}

} // namespace

ProfileRepository::ProfileRepository(Database &database) : m_database(database) {}

Status ProfileRepository::insert(const ProfileRun &run)
{
    QJsonObject details = run.details;
    if (!run.domain.isEmpty() && !details.contains(u"domain"_s))
        details.insert(u"domain"_s, run.domain);
    const QUuid id = run.id.isNull() ? QUuid::createUuid() : run.id;
    const QDateTime createdAt = run.createdAt.isValid() ? run.createdAt : QDateTime::currentDateTimeUtc();
    auto query = m_database.run(
        u"INSERT INTO mdm_profile ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {uuidText(id), uuidText(run.tenantId), run.entityUrn.isEmpty() ? QVariant() : QVariant(run.entityUrn),
         run.canonicalKey, toString(run.tier), toString(run.trigger), toString(run.status),
         optionalReal(run.metrics.completeness), optionalReal(run.metrics.uniqueness),
         optionalReal(run.metrics.validity), optionalReal(run.metrics.qualityScore),
         run.metrics.qualityGrade.isEmpty() ? QVariant() : QVariant(run.metrics.qualityGrade), run.rowCount,
         run.sampledRows, run.durationMs, run.error.isEmpty() ? QVariant() : QVariant(run.error),
         QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)), toIsoTimestamp(createdAt)});
    if (!query)
        return query.error();
    return std::nullopt;
}

Result<std::optional<ProfileRun>> ProfileRepository::latest(const QUuid &tenantId, const QString &canonicalKey) const
{
    auto runs = readRuns(m_database.run(u"SELECT "_s + kColumns
                                            + u" FROM mdm_profile WHERE tenant_id = ? AND canonical_key = ? "
                                              u"ORDER BY "_s + quality::LatestRun::newestFirst(u"mdm_profile"_s) + u" LIMIT 1"_s,
                                        {uuidText(tenantId), canonicalKey}));
    if (!runs)
        return runs.error();
    if (runs.value().isEmpty())
        return std::optional<ProfileRun>();
    return std::optional<ProfileRun>(runs.value().constFirst());
}

Result<std::optional<QDateTime>> ProfileRepository::lastCompletedAt(const QUuid &tenantId,
                                                                    const QString &canonicalKey) const
{
    auto query = m_database.run(u"SELECT MAX(created_at) FROM mdm_profile "
                                u"WHERE tenant_id = ? AND canonical_key = ? AND status = 'completed'"_s,
                                {uuidText(tenantId), canonicalKey});
    if (!query)
        return query.error();
    if (!query.value().next() || query.value().value(0).isNull())
        return std::optional<QDateTime>();
    return std::optional<QDateTime>(fromIsoTimestamp(query.value().value(0).toString()));
}

Result<QList<ProfileRun>> ProfileRepository::recent(const QUuid &tenantId, int limit) const
{
    return readRuns(m_database.run(u"SELECT "_s + kColumns
                                       + u" FROM mdm_profile WHERE tenant_id = ? "
                                         u"ORDER BY "_s + quality::LatestRun::newestFirst(u"mdm_profile"_s) + u" LIMIT ?"_s,
                                   {uuidText(tenantId), std::max(0, limit)}));
}

Result<QStringList> ProfileRepository::dueKeys(const QUuid &tenantId, const QDateTime &now) const
{
    // Bound, not deprecated fields with their last completed run (NULL: never profiled).
    auto query = m_database.run(
        u"SELECT g.canonical_key, g.tier, MAX(p.created_at) FROM mdm_global_metadata g "
        u"LEFT JOIN mdm_profile p ON p.tenant_id = g.tenant_id AND p.canonical_key = g.canonical_key "
        u"AND p.status = 'completed' "
        u"WHERE g.tenant_id = ? AND g.binding IS NOT NULL AND COALESCE(g.status, 'active') <> 'deprecated' "
        u"GROUP BY g.canonical_key, g.tier"_s,
        {uuidText(tenantId)});
    if (!query)
        return query.error();
    struct Due
    {
        QString key;
        Tier tier;
        QDateTime last;
    };
    QList<Due> due;
    while (query.value().next()) {
        const auto tier = tierFromString(query.value().value(1).toString());
        const auto days = tier ? profileIntervalDays(*tier) : std::nullopt;
        if (!days)
            continue;
        const QDateTime last = fromIsoTimestamp(query.value().value(2).toString());
        if (last.isValid() && last.addDays(*days) > now)
            continue;
        due.append(Due{query.value().value(0).toString(), *tier, last});
    }
    // Most critical first; within a tier, the stalest (never profiled before all).
    std::sort(due.begin(), due.end(), [](const Due &a, const Due &b) {
        if (a.tier != b.tier)
            return a.tier < b.tier;
        if (a.last != b.last)
            return !a.last.isValid() || (b.last.isValid() && a.last < b.last);
        return a.key < b.key;
    });
    QStringList keys;
    for (const Due &entry : std::as_const(due))
        keys.append(entry.key);
    return keys;
}

} // namespace steward::profiler
