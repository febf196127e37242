#pragma once

#include "api/ApiToken.h"
#include "model/Error.h"
#include "store/ApiTokenRepository.h"
#include "store/DirectoryRepository.h"

#include <QList>

namespace steward {

class Database;

// Issues, lists, revokes and checks the HTTP API's bearer tokens. A token speaks for one
// user of one tenant; the secret is shown once, when issued, and only its hash is kept.
class ApiTokenService
{
public:
    struct Issued
    {
        ApiToken token;
        QByteArray secret; // shown once, never stored
    };

    // What a presented secret turned out to be.
    struct Check
    {
        enum class Outcome { Valid, Unknown, Expired, Revoked };
        Outcome outcome = Outcome::Unknown;
        ApiToken token;
    };

    explicit ApiTokenService(Database &database);

    // A token for `userId`, who must hold a role in the tenant; `expiresAt` invalid for
    // none, else later than `now`.
    Result<Issued> issue(const QUuid &tenantId, const QString &userId, const QDateTime &expiresAt,
                         const QDateTime &now);
    Result<QList<ApiToken>> list(const QUuid &tenantId, const QString &userId = {}) const;
    // Signs in as `userId` first where the engine checks identities: a person revokes
    // only their own tokens.
    Status revoke(const QUuid &tenantId, const QString &userId, const QUuid &tokenId, const QDateTime &now);
    Result<Check> check(const QByteArray &secret, const QDateTime &now) const;

private:
    Database &m_database;
    ApiTokenRepository m_tokens;
    DirectoryRepository m_directory;
};

} // namespace steward
