#include "ApiRoutes.h"

using namespace Qt::StringLiterals;

namespace steward {

const QList<ApiRoute> &apiRoutes()
{
    static const QList<ApiRoute> routes{
        {"POST", u"/approvals"_s, ApiOperation::SubmitApproval},
        {"GET", u"/approvals"_s, ApiOperation::ListApprovals},
        {"GET", u"/approvals/{id}"_s, ApiOperation::GetApproval},
        {"POST", u"/approvals/{id}/approve"_s, ApiOperation::ApproveApproval},
        {"POST", u"/approvals/{id}/reject"_s, ApiOperation::RejectApproval},
        {"POST", u"/approvals/{id}/cancel"_s, ApiOperation::CancelApproval},
        {"GET", u"/events"_s, ApiOperation::ListEvents},
        {"GET", u"/openapi.json"_s, ApiOperation::OpenApiDocument},
    };
    return routes;
}

ApiRouteMatch matchApiRoute(const QByteArray &method, const QString &path)
{
    // Segments as sent: an empty one ("//", a trailing "/") matches nothing.
    const QStringList segments = path.split(u'/');
    ApiRouteMatch match;
    for (const ApiRoute &route : apiRoutes()) {
        const QStringList pattern = route.path.split(u'/');
        if (pattern.size() != segments.size())
            continue;
        QString id;
        bool same = true;
        for (qsizetype i = 0; i < pattern.size() && same; ++i) {
            if (pattern.at(i) == u"{id}"_s) {
                id = segments.at(i);
                same = !id.isEmpty();
            } else {
                same = pattern.at(i) == segments.at(i);
            }
        }
        if (!same)
            continue;
        if (route.method == method) {
            match.kind = ApiRouteMatch::Kind::Found;
            match.route = &route;
            match.id = id;
            return match;
        }
        match.kind = ApiRouteMatch::Kind::MethodNotAllowed;
        match.allowed.append(route.method);
    }
    return match;
}

} // namespace steward
