#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace steward {

// The operations of the HTTP API (SPEC section 7).
enum class ApiOperation {
    SubmitApproval,
    ListApprovals,
    GetApproval,
    ApproveApproval,
    RejectApproval,
    CancelApproval,
    ListEvents,
    OpenApiDocument,
};

// One route: a method and a path template in OpenAPI's spelling ("/approvals/{id}").
// The table is the one list of what the server answers; the OpenAPI document kept in
// resources/api/openapi.json is checked against it by tst_httpapi.
struct ApiRoute
{
    QByteArray method;
    QString path;
    ApiOperation operation;
};

struct ApiRouteMatch
{
    enum class Kind { NoSuchPath, MethodNotAllowed, Found };
    Kind kind = Kind::NoSuchPath;
    const ApiRoute *route = nullptr;
    QString id;              // the {id} segment, as sent (checked by the operation)
    QByteArrayList allowed;  // MethodNotAllowed: the methods the path has
};

const QList<ApiRoute> &apiRoutes();
ApiRouteMatch matchApiRoute(const QByteArray &method, const QString &path);

} // namespace steward
