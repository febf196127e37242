#pragma once

#include "api/ApiToken.h"
#include "model/Error.h"

#include <QList>

#include <optional>

namespace steward {

class Database;

// mdm_api_token: the HTTP API's bearer tokens, by their hash.
class ApiTokenRepository
{
public:
    explicit ApiTokenRepository(Database &database);

    Status insert(const ApiToken &token);
    // Across tenants: a bearer token names its tenant.
    Result<std::optional<ApiToken>> findByHash(const QString &hash) const;
    // The tenant's tokens, of one user when `userId` is given; newest first.
    Result<QList<ApiToken>> list(const QUuid &tenantId, const QString &userId = {}) const;
    // Marks a token revoked; false when the tenant has no such token not yet revoked.
    Result<bool> revoke(const QUuid &tenantId, const QUuid &id, const QDateTime &at);

private:
    Database &m_database;
};

} // namespace steward
