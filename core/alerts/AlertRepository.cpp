#include "alerts/AlertRepository.h"

#include "Tr.h"
#include "model/Approval.h"
#include "quality/LatestRun.h"
#include "store/Database.h"
#include "store/SqlStatement.h"

using namespace Qt::StringLiterals;

namespace steward::alerts {
namespace {

const QString kColumns =
    u"id, tenant_id, rule, canonical_key, severity, state, value, fired_at, resolved_at, acknowledged_by"_s;

Alert readAlert(const QSqlQuery &row)
{
    Alert alert;
    alert.id = QUuid::fromString(row.value(0).toString());
    alert.tenantId = QUuid::fromString(row.value(1).toString());
    alert.rule = row.value(2).toString();
    alert.canonicalKey = row.value(3).toString();
    alert.severity = row.value(4).toString();
    alert.firing = row.value(5).toString() == u"firing"_s;
    if (!row.value(6).isNull())
        alert.value = row.value(6).toDouble();
    alert.firedAt = fromIsoTimestamp(row.value(7).toString());
    if (!row.value(8).isNull())
        alert.resolvedAt = fromIsoTimestamp(row.value(8).toString());
    alert.acknowledgedBy = row.value(9).toString();
    return alert;
}

Result<QList<Alert>> readAlerts(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    QList<Alert> alerts;
    while (query.value().next())
        alerts.append(readAlert(query.value()));
    return alerts;
}

Error noSuchAlert(const QUuid &id)
{
    return Error::make(ErrorCode::NotFound, CoreTr::tr("no alert \"%1\" in this tenant").arg(uuidText(id)));
}

} // namespace

AlertRepository::AlertRepository(Database &database) : m_database(database) {}

Result<QList<Alert>> AlertRepository::openForField(const QUuid &tenantId, const QString &canonicalKey) const
{
    return readAlerts(m_database.run(u"SELECT "_s + kColumns
                                         + u" FROM mdm_alert WHERE tenant_id = ? AND canonical_key = ? "
                                           u"AND state = 'firing' ORDER BY fired_at, id"_s,
                                     {uuidText(tenantId), canonicalKey}));
}

Result<QList<Alert>> AlertRepository::openForTenant(const QUuid &tenantId) const
{
    return readAlerts(m_database.run(u"SELECT "_s + kColumns
                                         + u" FROM mdm_alert WHERE tenant_id = ? AND state = 'firing' "
                                           u"ORDER BY fired_at DESC, id DESC"_s,
                                     {uuidText(tenantId)}));
}

Result<std::optional<Alert>> AlertRepository::find(const QUuid &tenantId, const QUuid &id) const
{
    auto alerts = readAlerts(m_database.run(u"SELECT "_s + kColumns + u" FROM mdm_alert WHERE tenant_id = ? AND id = ?"_s,
                                            {uuidText(tenantId), uuidText(id)}));
    if (!alerts)
        return alerts.error();
    if (alerts.value().isEmpty())
        return std::optional<Alert>();
    return std::optional<Alert>(alerts.value().constFirst());
}

Status AlertRepository::insertFired(const Alert &alert)
{
    auto query = m_database.run(
        u"INSERT INTO mdm_alert ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, 'firing', ?, ?, NULL, NULL)"_s,
        {uuidText(alert.id), uuidText(alert.tenantId), alert.rule,
         alert.canonicalKey.isEmpty() ? QVariant() : QVariant(alert.canonicalKey),
         alert.severity.isEmpty() ? QVariant() : QVariant(alert.severity),
         alert.value ? QVariant(*alert.value) : QVariant(), toIsoTimestamp(alert.firedAt)});
    if (!query)
        return query.error();
    return std::nullopt;
}

Status AlertRepository::markResolved(const QUuid &tenantId, const QUuid &id, const QDateTime &resolvedAt)
{
    auto query = m_database.run(u"UPDATE mdm_alert SET state = 'resolved', resolved_at = ? "
                                u"WHERE tenant_id = ? AND id = ? AND state = 'firing'"_s,
                                {toIsoTimestamp(resolvedAt), uuidText(tenantId), uuidText(id)});
    if (!query)
        return query.error();
    if (query.value().numRowsAffected() < 1)
        return noSuchAlert(id);
    return std::nullopt;
}

Status AlertRepository::acknowledge(const QUuid &tenantId, const QUuid &id, const QString &userId)
{
    auto query = m_database.run(u"UPDATE mdm_alert SET acknowledged_by = ? WHERE tenant_id = ? AND id = ?"_s,
                                {userId, uuidText(tenantId), uuidText(id)});
    if (!query)
        return query.error();
    if (query.value().numRowsAffected() < 1)
        return noSuchAlert(id);
    return std::nullopt;
}

Result<std::optional<double>> AlertRepository::lastCompletedScore(const QUuid &tenantId,
                                                                  const QString &canonicalKey) const
{
    SqlStatement sql;
    sql(u"SELECT p.quality_score FROM mdm_profile p WHERE p.id = "_s);
    quality::LatestRun::idOf(sql, tenantId, canonicalKey);
    auto query = m_database.run(sql.text(), sql.values());
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<double>();
    return std::optional<double>(query.value().value(0).toDouble());
}

} // namespace steward::alerts
