#pragma once

#include "alerts/AlertRules.h"
#include "model/Error.h"

namespace steward {
class Database;
}

namespace steward::alerts {

// mdm_alert, scoped to a tenant. Writes join the caller's transaction, if any.
class AlertRepository
{
public:
    explicit AlertRepository(Database &database);

    // Open (firing) alerts of one field, oldest first.
    Result<QList<Alert>> openForField(const QUuid &tenantId, const QString &canonicalKey) const;
    // Open alerts of the tenant, newest first.
    Result<QList<Alert>> openForTenant(const QUuid &tenantId) const;
    Result<std::optional<Alert>> find(const QUuid &tenantId, const QUuid &id) const;

    // Stores a firing alert (its id and firedAt must be set).
    Status insertFired(const Alert &alert);
    // Firing -> resolved. NotFound when no firing alert has that id in the tenant.
    Status markResolved(const QUuid &tenantId, const QUuid &id, const QDateTime &resolvedAt);
    // NotFound when the tenant has no such alert.
    Status acknowledge(const QUuid &tenantId, const QUuid &id, const QString &userId);

    // The quality score of the field's latest completed, scored profile run (mdm_profile),
    // what QualityDrop compares a new run with. Call before storing the new run.
    Result<std::optional<double>> lastCompletedScore(const QUuid &tenantId, const QString &canonicalKey) const;

private:
    Database &m_database;
};

} // namespace steward::alerts
