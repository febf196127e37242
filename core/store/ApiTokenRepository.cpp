#include "store/ApiTokenRepository.h"

#include "model/Approval.h"
#include "store/Database.h"

using namespace Qt::StringLiterals;

namespace steward {
namespace {

const QString kColumns = u"id, tenant_id, user_id, token_hash, created_at, expires_at, revoked_at"_s;

ApiToken readToken(const QSqlQuery &query)
{
    ApiToken token;
    token.id = QUuid::fromString(query.value(0).toString());
    token.tenantId = QUuid::fromString(query.value(1).toString());
    token.userId = query.value(2).toString();
    token.hash = query.value(3).toString();
    token.createdAt = fromIsoTimestamp(query.value(4).toString());
    token.expiresAt = fromIsoTimestamp(query.value(5).toString());
    token.revokedAt = fromIsoTimestamp(query.value(6).toString());
    return token;
}

QVariant optionalTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(toIsoTimestamp(time)) : QVariant();
}

} // namespace

ApiTokenRepository::ApiTokenRepository(Database &database) : m_database(database) {}

Status ApiTokenRepository::insert(const ApiToken &token)
{
    auto query = m_database.run(u"INSERT INTO mdm_api_token ("_s + kColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                                {uuidText(token.id), uuidText(token.tenantId), token.userId, token.hash,
                                 toIsoTimestamp(token.createdAt), optionalTime(token.expiresAt),
                                 optionalTime(token.revokedAt)});
    if (!query)
        return query.error();
    return std::nullopt;
}

Result<std::optional<ApiToken>> ApiTokenRepository::findByHash(const QString &hash) const
{
    auto query = m_database.run(u"SELECT "_s + kColumns + u" FROM mdm_api_token WHERE token_hash = ?"_s, {hash});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<ApiToken>();
    return std::optional<ApiToken>(readToken(query.value()));
}

Result<QList<ApiToken>> ApiTokenRepository::list(const QUuid &tenantId, const QString &userId) const
{
    QString sql = u"SELECT "_s + kColumns + u" FROM mdm_api_token WHERE tenant_id = ?"_s;
    QVariantList values{uuidText(tenantId)};
    if (!userId.isEmpty()) {
        sql += u" AND user_id = ?"_s;
        values << userId;
    }
    auto query = m_database.run(sql + u" ORDER BY created_at DESC, id"_s, values);
    if (!query)
        return query.error();
    QList<ApiToken> tokens;
    while (query.value().next())
        tokens.append(readToken(query.value()));
    return tokens;
}

Result<bool> ApiTokenRepository::revoke(const QUuid &tenantId, const QUuid &id, const QDateTime &at)
{
    auto query = m_database.run(
        u"UPDATE mdm_api_token SET revoked_at = ? WHERE tenant_id = ? AND id = ? AND revoked_at IS NULL"_s,
        {toIsoTimestamp(at), uuidText(tenantId), uuidText(id)});
    if (!query)
        return query.error();
    return query.value().numRowsAffected() == 1;
}

} // namespace steward
