#pragma once

#include "events/Event.h"
#include "model/Error.h"
#include "profiler/ProfileTypes.h"

namespace steward {
class Database;
}

namespace steward::profiler {

// mdm_profile, scoped to a tenant.
class ProfileRepository
{
public:
    explicit ProfileRepository(Database &database);

    // Inserts the run (inside the caller's transaction, if any).
    Status insert(const ProfileRun &run);
    Result<std::optional<ProfileRun>> latest(const QUuid &tenantId, const QString &canonicalKey) const;
    Result<std::optional<QDateTime>> lastCompletedAt(const QUuid &tenantId, const QString &canonicalKey) const;
    Result<QList<ProfileRun>> recent(const QUuid &tenantId, int limit) const;
    // Fields whose tier interval has passed since their last completed run (tier5: never).
    Result<QStringList> dueKeys(const QUuid &tenantId, const QDateTime &now) const;

private:
    Database &m_database;
};

} // namespace steward::profiler
