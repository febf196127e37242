#include "ApiAuthenticator.h"

#include "ApiResponses.h"
#include "HttpTr.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <QHttpServerRequest>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QHttpServerResponse unauthorized(const QString &message)
{
    QHttpServerResponse response = ApiResponses::error(401, message);
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"steward\""));
    return response;
}

} // namespace

ApiAuthenticator::ApiAuthenticator(Database &database, bool trustIdentityHeaders)
    : m_database(database), m_trustIdentityHeaders(trustIdentityHeaders), m_tokens(database), m_directory(database)
{
}

std::variant<ApiCaller, QHttpServerResponse> ApiAuthenticator::fromToken(const QByteArray &authorization)
{
    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    if (authorization.isEmpty())
        return unauthorized(HttpTr::tr("this needs the header Authorization: Bearer <token> (steward-cli token "
                                       "create)"));
    if (!authorization.left(scheme.size()).toLower().startsWith(scheme))
        return unauthorized(HttpTr::tr("the Authorization header must be \"Bearer <token>\""));
    auto check = m_tokens.check(authorization.mid(scheme.size()).trimmed(), QDateTime::currentDateTimeUtc());
    if (!check)
        return ApiResponses::fromError(check.error());
    switch (check.value().outcome) {
    case ApiTokenService::Check::Outcome::Valid: break;
    case ApiTokenService::Check::Outcome::Unknown: return unauthorized(HttpTr::tr("unknown token"));
    case ApiTokenService::Check::Outcome::Expired: return unauthorized(HttpTr::tr("the token has expired"));
    case ApiTokenService::Check::Outcome::Revoked: return unauthorized(HttpTr::tr("the token has been revoked"));
    }
    const ApiToken &token = check.value().token;
    return ApiCaller{Actor{token.tenantId, token.userId}, User{}, u"token:"_s + uuidText(token.id)};
}

std::variant<ApiCaller, QHttpServerResponse> ApiAuthenticator::fromHeaders(const QHttpServerRequest &request)
{
    const QString tenantText = QString::fromUtf8(request.value(QByteArrayLiteral("x-tenant-id"))).trimmed();
    const QString userId = QString::fromUtf8(request.value(QByteArrayLiteral("x-user-id"))).trimmed();
    const QString roleText = QString::fromUtf8(request.value(QByteArrayLiteral("x-role"))).trimmed();
    if (tenantText.isEmpty() || userId.isEmpty() || roleText.isEmpty())
        return unauthorized(HttpTr::tr("send Authorization: Bearer <token>, or all of x-tenant-id, x-user-id and "
                                       "x-role"));
    const QUuid tenantId = QUuid::fromString(tenantText);
    if (tenantId.isNull())
        return ApiResponses::error(400, HttpTr::tr("must be a tenant id (a UUID)"), u"x-tenant-id"_s);
    const auto role = roleFromString(roleText);
    if (!role)
        return ApiResponses::error(400, HttpTr::tr("must be kernel_architect, metadata_steward, data_owner or viewer"),
                                   u"x-role"_s);
    if (auto failed = m_database.signIn(tenantId, userId))
        return ApiResponses::error(403, HttpTr::tr("%1 is not a user of tenant %2").arg(quotedInput(userId), quotedInput(tenantText)));
    auto user = m_directory.user(tenantId, userId);
    if (!user)
        return ApiResponses::fromError(user.error());
    if (!user.value() || !user.value()->holds(*role))
        return ApiResponses::error(403, HttpTr::tr("%1 does not hold the role %2 in tenant %3")
                                            .arg(userId, roleText, tenantText),
                                   u"x-role"_s);
    return ApiCaller{Actor{tenantId, userId}, User{}, u"user:%1/%2"_s.arg(uuidText(tenantId), userId)};
}

std::variant<ApiCaller, QHttpServerResponse> ApiAuthenticator::authenticate(const QHttpServerRequest &request)
{
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization"));
    const bool byToken = !authorization.isEmpty() || !m_trustIdentityHeaders;
    auto identified = byToken ? fromToken(authorization) : fromHeaders(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&identified))
        return std::move(*refused);
    ApiCaller caller = std::get<ApiCaller>(std::move(identified));
    const Actor &actor = caller.actor;

    // Every read that follows is the caller's: on a team database the connection acts as
    // them, and row-level security scopes it to their tenant.
    if (auto failed = m_database.signIn(actor.tenantId, actor.userId)) {
        if (failed->code == ErrorCode::Unavailable)
            return ApiResponses::fromError(*failed);
        return ApiResponses::error(403, HttpTr::tr("%1 is no longer a user of tenant %2")
                                            .arg(actor.userId, uuidText(actor.tenantId)));
    }
    auto user = m_directory.user(actor.tenantId, actor.userId);
    if (!user)
        return ApiResponses::fromError(user.error());
    if (!user.value() || user.value()->roles.isEmpty())
        return ApiResponses::error(403, HttpTr::tr("%1 is no longer a user of tenant %2")
                                            .arg(actor.userId, uuidText(actor.tenantId)));
    caller.user = *user.value();
    return caller;
}

} // namespace steward
