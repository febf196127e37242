#pragma once

#include <QDateTime>
#include <QString>
#include <QUuid>

namespace steward {
class SqlDialect;
class SqlStatement;
} // namespace steward

namespace steward::quality {

// "The latest completed score of a field", written once. A field's latest scored run is
// its newest completed run that has a quality score; of two runs in the same millisecond
// the one with the greater id. The Quality page, the quality report, /metrics, the alert
// rules and the profile repository all build their "latest" from here, so they cannot
// disagree. Every query reads the field history index (tenant_id, canonical_key,
// created_at, id, ...) backwards from the bound: one seek per field.
namespace LatestRun {

// Newest first with the tie-break above: the one order of every "latest" and "recent".
QString newestFirst(const QString &alias);

// Where the search for a field's latest run stops (both empty: it does not).
struct Bound
{
    QDateTime before; // valid: only runs created before this moment
    // SQL expressions for the created_at and id of a run: only runs before that run.
    QString beforeRunAt;
    QString beforeRunId;
};

// Appends a scalar subquery: the id of the latest scored run of the field whose tenant
// and key are the SQL expressions `tenant` and `key` (NULL when it has none).
void idOf(SqlStatement &sql, const QString &tenant, const QString &key, const Bound &bound = {});
// The same for one field named by value (bound parameters).
void idOf(SqlStatement &sql, const QUuid &tenantId, const QString &canonicalKey, const Bound &bound = {});

// Appends the common table expression `fields(tenant_id, canonical_key)`:
// every field with runs of the tenant (of every tenant when `tenantId` is null). The
// statement must have begun with "WITH RECURSIVE ": a tenant's keys are found by
// skipping from one key to the next in the index instead of reading every run.
void fields(SqlStatement &sql, const QUuid &tenantId);
// Appends ", <name>(tenant_id, canonical_key, run_id)": for every row of `fields`, its
// latest scored run before `before` (invalid: no bound); NULL for a field without one.
void latestRuns(SqlStatement &sql, const QString &name, const QDateTime &before = {});

// A run's field as the catalog classifies it now, with what the run recorded as
// fallback for keys the catalog does not hold. `run` is an alias of mdm_profile, `field`
// one of mdm_global_metadata joined by catalogJoin().
QString catalogJoin(const QString &run, const QString &field);
QString tierOf(const QString &run, const QString &field);
// The domain is '' when neither knows one.
QString domainOf(const SqlDialect &dialect, const QString &run, const QString &field);

} // namespace LatestRun

} // namespace steward::quality
