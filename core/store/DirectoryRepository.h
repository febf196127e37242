#pragma once

#include "model/Error.h"
#include "model/User.h"

#include <QList>

#include <optional>

namespace steward {

class Database;

// Tenants and the users who hold roles in them (mdm_tenant, mdm_user_role).
class DirectoryRepository
{
public:
    explicit DirectoryRepository(Database &database);

    Result<QList<Tenant>> tenants() const;
    Result<std::optional<Tenant>> tenant(const QUuid &id) const;
    Result<QList<User>> users(const QUuid &tenantId) const;
    Result<std::optional<User>> user(const QUuid &tenantId, const QString &userId) const;

    Status addTenant(const Tenant &tenant);
    Status grant(const QUuid &tenantId, const QString &userId, Role role, const QString &displayName);

private:
    Database &m_database;
};

} // namespace steward
