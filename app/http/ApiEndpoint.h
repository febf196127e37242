#pragma once

#include "ApiAuthenticator.h"
#include "ApiRoutes.h"
#include "RateLimiter.h"
#include "ServeOptions.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "store/ApprovalRepository.h"
#include "store/EventRepository.h"
#include "store/IdempotencyRepository.h"

#include <QHttpServerResponse>

#include <optional>

class QHttpServerRequest;
class QUrlQuery;

namespace steward {

class Database;

// The HTTP API of SPEC section 7 on the endpoint's connection: requests are submitted and
// decided by the same ApprovalService as the desktop's, read through the same repositories,
// and diffed by the same structural diff. Runs on the endpoint's thread.
class ApiEndpoint
{
public:
    ApiEndpoint(Database &database, const ServeOptions &options);

    // The answer to an API request; nothing when the path is not one of the API's.
    std::optional<QHttpServerResponse> answer(const QHttpServerRequest &request);

    // The OpenAPI document served at /openapi.json (resources/api/openapi.json).
    static QByteArray openApiDocument();

private:
    QHttpServerResponse operate(const ApiRoute &route, const QString &id, const ApiCaller &caller,
                                const QHttpServerRequest &request);
    QHttpServerResponse submit(const ApiCaller &caller, const QHttpServerRequest &request);
    QHttpServerResponse list(const ApiCaller &caller, const QUrlQuery &query);
    QHttpServerResponse show(const ApiCaller &caller, const QUuid &id);
    QHttpServerResponse decide(const ApiCaller &caller, ApiOperation operation, const QUuid &id,
                               const QByteArray &body);
    QHttpServerResponse events(const ApiCaller &caller, const QUrlQuery &query);
    QHttpServerResponse created(const Approval &approval, bool replayed);

    Database &m_database;
    EventBus m_bus; // the endpoint's own: events still reach the audit trail and other desktops
    ApprovalService m_service;
    ApprovalRepository m_approvals;
    EventRepository m_events;
    IdempotencyRepository m_idempotency;
    ApiAuthenticator m_authenticator;
    RateLimiter m_limiter;
};

} // namespace steward
