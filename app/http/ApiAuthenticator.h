#pragma once

#include "api/ApiTokenService.h"
#include "model/User.h"
#include "store/DirectoryRepository.h"

#include <QHttpServerResponse>

#include <variant>

class QHttpServerRequest;

namespace steward {

class Database;

// Who is calling: a user of a tenant, and the key their requests are rate-limited by.
struct ApiCaller
{
    Actor actor;
    User user;
    QString rateKey;
};

// Finds the caller of an API request: "Authorization: Bearer TOKEN", or, only when the
// server was started with --trust-identity-headers on loopback, the headers x-tenant-id,
// x-user-id and x-role (a role the user must hold). Signs the connection in as the
// caller, so every read after it is scoped to the caller's tenant.
class ApiAuthenticator
{
public:
    ApiAuthenticator(Database &database, bool trustIdentityHeaders);

    // The caller, or the response that refuses the request (401, 403, 503).
    std::variant<ApiCaller, QHttpServerResponse> authenticate(const QHttpServerRequest &request);

private:
    std::variant<ApiCaller, QHttpServerResponse> fromToken(const QByteArray &authorization);
    std::variant<ApiCaller, QHttpServerResponse> fromHeaders(const QHttpServerRequest &request);

    Database &m_database;
    bool m_trustIdentityHeaders;
    ApiTokenService m_tokens;
    DirectoryRepository m_directory;
};

} // namespace steward
