#include "api/ApiTokenService.h"

#include "Tr.h"
#include "model/Approval.h"
#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace steward {

ApiTokenService::ApiTokenService(Database &database)
    : m_database(database), m_tokens(database), m_directory(database)
{
}

Result<ApiTokenService::Issued> ApiTokenService::issue(const QUuid &tenantId, const QString &userId,
                                                       const QDateTime &expiresAt, const QDateTime &now)
{
    if (userId.trimmed().isEmpty())
        return Error::invalid(u"user"_s, CoreTr::tr("a token speaks for a user: name one"));
    if (expiresAt.isValid() && expiresAt <= now)
        return Error::invalid(u"expires"_s, CoreTr::tr("the expiry %1 is not in the future")
                                                .arg(toIsoTimestamp(expiresAt)));
    if (auto failed = m_database.signIn(tenantId, userId))
        return *failed;
    auto user = m_directory.user(tenantId, userId);
    if (!user)
        return user.error();
    if (!user.value() || user.value()->roles.isEmpty())
        return Error::make(ErrorCode::Forbidden,
                           CoreTr::tr("%1 is not a user of tenant %2").arg(userId, uuidText(tenantId)));

    Issued issued;
    issued.secret = ApiSecret::generate();
    issued.token.id = QUuid::createUuid();
    issued.token.tenantId = tenantId;
    issued.token.userId = userId;
    issued.token.hash = ApiSecret::hash(issued.secret);
    issued.token.createdAt = fromIsoTimestamp(toIsoTimestamp(now));
    issued.token.expiresAt = fromIsoTimestamp(toIsoTimestamp(expiresAt));
    if (auto failed = m_tokens.insert(issued.token))
        return *failed;
    return issued;
}

Result<QList<ApiToken>> ApiTokenService::list(const QUuid &tenantId, const QString &userId) const
{
    return m_tokens.list(tenantId, userId);
}

Status ApiTokenService::revoke(const QUuid &tenantId, const QString &userId, const QUuid &tokenId,
                               const QDateTime &now)
{
    if (auto failed = m_database.signIn(tenantId, userId))
        return failed;
    auto revoked = m_tokens.revoke(tenantId, tokenId, now);
    if (!revoked)
        return revoked.error();
    if (!revoked.value())
        return Error::make(ErrorCode::NotFound,
                           CoreTr::tr("no token %1 in this tenant that is not revoked yet").arg(uuidText(tokenId)));
    return std::nullopt;
}

Result<ApiTokenService::Check> ApiTokenService::check(const QByteArray &secret, const QDateTime &now) const
{
    Check check;
    if (secret.isEmpty())
        return check;
    auto found = m_tokens.findByHash(ApiSecret::hash(secret));
    if (!found)
        return found.error();
    if (!found.value())
        return check;
    check.token = *found.value();
    if (check.token.isRevoked())
        check.outcome = Check::Outcome::Revoked;
    else if (check.token.hasExpired(now))
        check.outcome = Check::Outcome::Expired;
    else
        check.outcome = Check::Outcome::Valid;
    return check;
}

} // namespace steward
