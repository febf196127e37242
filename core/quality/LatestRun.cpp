#include "quality/LatestRun.h"

#include "model/Approval.h"
#include "store/SqlDialect.h"
#include "store/SqlStatement.h"

using namespace Qt::StringLiterals;

namespace steward::quality::LatestRun {

QString newestFirst(const QString &alias)
{
    return u"%1.created_at DESC, %1.id DESC"_s.arg(alias);
}

namespace {

void idWhere(SqlStatement &sql, const QString &tenant, const QString &key, const QVariantList &values,
             const Bound &bound)
{
    sql(u"(SELECT r.id FROM mdm_profile r WHERE r.tenant_id = %1 AND r.canonical_key = %2 "
        u"AND r.status = 'completed' AND r.quality_score IS NOT NULL"_s.arg(tenant, key),
        values);
    if (bound.before.isValid())
        sql(u" AND r.created_at < ?"_s, {toIsoTimestamp(bound.before)});
    if (!bound.beforeRunAt.isEmpty())
        sql(u" AND (r.created_at < %1 OR (r.created_at = %1 AND r.id < %2))"_s.arg(bound.beforeRunAt,
                                                                                 bound.beforeRunId));
    sql(u" ORDER BY "_s + newestFirst(u"r"_s) + u" LIMIT 1)"_s);
}

} // namespace

void idOf(SqlStatement &sql, const QString &tenant, const QString &key, const Bound &bound)
{
    idWhere(sql, tenant, key, {}, bound);
}

void idOf(SqlStatement &sql, const QUuid &tenantId, const QString &canonicalKey, const Bound &bound)
{
    idWhere(sql, u"?"_s, u"?"_s, {uuidText(tenantId), canonicalKey}, bound);
}

void fields(SqlStatement &sql, const QUuid &tenantId)
{
    if (tenantId.isNull()) {
        sql(u"fields(tenant_id, canonical_key) AS (SELECT DISTINCT tenant_id, canonical_key FROM mdm_profile)"_s);
    } else {
        // Tenant ids come from mdm_tenant so that both engines compare ids with ids.
        const QString tenant = uuidText(tenantId);
        sql(u"key_walk(canonical_key) AS (SELECT MIN(canonical_key) FROM mdm_profile WHERE tenant_id = ? "_s, {tenant})(
            u"UNION ALL SELECT (SELECT MIN(k.canonical_key) FROM mdm_profile k WHERE k.tenant_id = ? "
            u"AND k.canonical_key > key_walk.canonical_key) FROM key_walk WHERE key_walk.canonical_key IS NOT NULL), "
            u"fields(tenant_id, canonical_key) AS (SELECT t.id, key_walk.canonical_key FROM key_walk "
            u"JOIN mdm_tenant t ON t.id = ? WHERE key_walk.canonical_key IS NOT NULL)"_s,
            {tenant, tenant});
    }
}

void latestRuns(SqlStatement &sql, const QString &name, const QDateTime &before)
{
    sql(u", "_s + name + u"(tenant_id, canonical_key, run_id) AS (SELECT f.tenant_id, f.canonical_key, "_s);
    idOf(sql, u"f.tenant_id"_s, u"f.canonical_key"_s, Bound{before, {}, {}});
    sql(u" FROM fields f)"_s);
}

QString catalogJoin(const QString &run, const QString &field)
{
    return u" LEFT JOIN mdm_global_metadata %1 ON %1.tenant_id = %2.tenant_id AND %1.canonical_key = %2.canonical_key "_s
        .arg(field, run);
}

QString tierOf(const QString &run, const QString &field)
{
    return u"COALESCE(NULLIF(%1.tier, ''), NULLIF(%2.tier, ''))"_s.arg(field, run);
}

QString domainOf(const SqlDialect &dialect, const QString &run, const QString &field)
{
    return u"COALESCE(NULLIF(%1.domain, ''), NULLIF(%2, ''), '')"_s.arg(
        field, dialect.jsonMemberText(run + u".details"_s, u"domain"_s));
}

} // namespace steward::quality::LatestRun
