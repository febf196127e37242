#include "ApiEndpoint.h"

#include "ApiResponses.h"
#include "HttpTr.h"
#include "diff/DiffJson.h"
#include "diff/ReviewDocuments.h"
#include "json/JsonParser.h"
#include "model/Approval.h"
#include "model/ChangeRequest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerRequest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 500;
constexpr int kDefaultEvents = 100;
constexpr int kMaxEvents = 1000;
constexpr qsizetype kMaxIdempotencyKey = 200;
// The review diff of one request may take this long before it falls back to a coarser one.
constexpr qint64 kDiffBudgetMs = 1000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// A request id in its canonical text form (36 characters, no braces), else nothing.
QUuid requestId(const QString &text)
{
    if (text.size() != 36)
        return {};
    return QUuid::fromString(text);
}

// The query's parameters, each at most once and each one the operation knows.
std::variant<QHash<QString, QString>, QHttpServerResponse> parameters(const QUrlQuery &query,
                                                                      const QStringList &known)
{
    QHash<QString, QString> values;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!known.contains(name))
            return ApiResponses::error(400, HttpTr::tr("unknown query parameter; known: %1").arg(known.join(u", "_s)),
                                       name);
        if (values.contains(name))
            return ApiResponses::error(400, HttpTr::tr("given more than once"), name);
        values.insert(name, value);
    }
    return values;
}

// A whole number in [minimum, maximum], or `fallback` when absent.
std::variant<qint64, QHttpServerResponse> number(const QHash<QString, QString> &values, const QString &name,
                                                 qint64 fallback, qint64 minimum, qint64 maximum)
{
    if (!values.contains(name))
        return fallback;
    bool ok = false;
    const qint64 value = values.value(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return ApiResponses::error(400, HttpTr::tr("must be a whole number from %1 to %2").arg(minimum).arg(maximum),
                                   name);
    return value;
}

QString bodyHash(const QByteArray &body)
{
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
}

} // namespace

ApiEndpoint::ApiEndpoint(Database &database, const ServeOptions &options)
    : m_database(database),
      m_service(database, m_bus),
      m_approvals(database),
      m_events(database),
      m_idempotency(database),
      m_authenticator(database, options.trustIdentityHeaders),
      m_limiter(options.requestsPerSecond, options.burst)
{
}

QByteArray ApiEndpoint::openApiDocument()
{
    QFile file(u":/api/openapi.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the OpenAPI document is missing from the resources");
    return file.readAll();
}

std::optional<QHttpServerResponse> ApiEndpoint::answer(const QHttpServerRequest &request)
{
    const ApiRouteMatch match = matchApiRoute(methodName(request.method()), request.url().path());
    if (match.kind == ApiRouteMatch::Kind::NoSuchPath)
        return std::nullopt;
    if (match.kind == ApiRouteMatch::Kind::MethodNotAllowed) {
        QHttpServerResponse response = ApiResponses::error(
            405, HttpTr::tr("method not allowed; use %1").arg(QString::fromLatin1(match.allowed.join(", "))));
        response.setHeader(QByteArrayLiteral("Allow"), match.allowed.join(", "));
        return response;
    }
    if (match.route->operation == ApiOperation::OpenApiDocument)
        return QHttpServerResponse(QByteArrayLiteral("application/json"), openApiDocument());

    auto identified = m_authenticator.authenticate(request);
    if (auto *refused = std::get_if<QHttpServerResponse>(&identified))
        return std::move(*refused);
    const ApiCaller &caller = std::get<ApiCaller>(identified);

    std::chrono::seconds retryAfter{};
    if (!m_limiter.admit(caller.rateKey, RateLimiter::Clock::now(), retryAfter)) {
        QHttpServerResponse response = ApiResponses::error(429, HttpTr::tr("too many requests; retry in %n second(s)",
                                                                           nullptr, int(retryAfter.count())));
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(qint64(retryAfter.count())));
        return response;
    }
    return operate(*match.route, match.id, caller, request);
}

QHttpServerResponse ApiEndpoint::operate(const ApiRoute &route, const QString &id, const ApiCaller &caller,
                                         const QHttpServerRequest &request)
{
    QUuid approvalId;
    if (route.path.contains(u"{id}"_s)) {
        approvalId = requestId(id);
        if (approvalId.isNull())
            return ApiResponses::error(400, HttpTr::tr("must be a request id (a UUID)"), u"id"_s);
    }
    switch (route.operation) {
    case ApiOperation::SubmitApproval: return submit(caller, request);
    case ApiOperation::ListApprovals: return list(caller, request.query());
    case ApiOperation::GetApproval: return show(caller, approvalId);
    case ApiOperation::ApproveApproval:
    case ApiOperation::RejectApproval:
    case ApiOperation::CancelApproval: return decide(caller, route.operation, approvalId, request.body());
    case ApiOperation::ListEvents: return events(caller, request.query());
    case ApiOperation::OpenApiDocument: break; // answered before authentication
    }
    return ApiResponses::error(404, HttpTr::tr("not found"));
}

QHttpServerResponse ApiEndpoint::created(const Approval &approval, bool replayed)
{
    QHttpServerResponse response = ApiResponses::json(approval.toJsonNode(true), 201);
    response.setHeader(QByteArrayLiteral("Location"), "/approvals/" + uuidText(approval.id).toLatin1());
    if (replayed)
        response.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    return response;
}

QHttpServerResponse ApiEndpoint::submit(const ApiCaller &caller, const QHttpServerRequest &request)
{
    const QByteArray body = request.body();
    const QString key = QString::fromUtf8(request.value(QByteArrayLiteral("Idempotency-Key")));
    if (!request.value(QByteArrayLiteral("Idempotency-Key")).isNull()) {
        const bool printable = std::all_of(key.cbegin(), key.cend(), [](QChar c) { return c > u' ' && c < u'\x7f'; });
        if (key.isEmpty() || key.size() > kMaxIdempotencyKey || !printable)
            return ApiResponses::error(400, HttpTr::tr("must be 1 to %1 visible ASCII characters").arg(kMaxIdempotencyKey),
                                       u"Idempotency-Key"_s);
        auto earlier = m_idempotency.find(caller.actor.tenantId, caller.actor.userId, key);
        if (!earlier)
            return ApiResponses::fromError(earlier.error());
        if (earlier.value()) {
            if (earlier.value()->requestHash != bodyHash(body))
                return ApiResponses::error(409, HttpTr::tr("this Idempotency-Key was used for a different request"),
                                           u"Idempotency-Key"_s);
            auto first = m_service.find(caller.actor.tenantId, earlier.value()->approvalId);
            if (!first)
                return ApiResponses::fromError(first.error());
            if (first.value())
                return created(*first.value(), true);
        }
    }

    auto changeRequest = ChangeRequest::fromJsonText(body);
    if (!changeRequest)
        return ApiResponses::fromError(changeRequest.error());
    auto submitted = m_service.submit(caller.actor, changeRequest.value());
    if (!submitted)
        return ApiResponses::fromError(submitted.error());
    if (!key.isEmpty()) {
        // Submitted and committed: a failure to remember the key must not report it failed.
        if (auto failed = m_idempotency.remember(caller.actor.tenantId, caller.actor.userId, key,
                                                 {bodyHash(body), submitted.value().id},
                                                 QDateTime::currentDateTimeUtc()))
            qWarning().noquote() << u"steward-cli serve: Idempotency-Key not kept: %1"_s.arg(failed->text());
    }
    return created(submitted.value(), false);
}

QHttpServerResponse ApiEndpoint::list(const ApiCaller &caller, const QUrlQuery &query)
{
    auto given = parameters(query, {u"status"_s, u"entityType"_s, u"tier"_s, u"limit"_s, u"cursor"_s});
    if (auto *refused = std::get_if<QHttpServerResponse>(&given))
        return std::move(*refused);
    const auto &values = std::get<QHash<QString, QString>>(given);

    ApprovalFilter filter;
    const QString status = values.value(u"status"_s, u"pending"_s);
    if (status != u"all"_s) {
        filter.status = approvalStatusFromString(status);
        if (!filter.status)
            return ApiResponses::error(400, HttpTr::tr("must be pending, approved, rejected, cancelled or all"),
                                       u"status"_s);
    }
    if (values.contains(u"entityType"_s)) {
        filter.entityType = entityTypeFromString(values.value(u"entityType"_s));
        if (!filter.entityType)
            return ApiResponses::error(400, HttpTr::tr("must be one of GLOBAL_METADATA, KPI, BUSINESS_RULE, GLOSSARY"),
                                       u"entityType"_s);
    }
    if (values.contains(u"tier"_s)) {
        filter.tier = tierFromString(values.value(u"tier"_s));
        if (!filter.tier)
            return ApiResponses::error(400, HttpTr::tr("must be one of tier1 .. tier5"), u"tier"_s);
    }
    auto limit = number(values, u"limit"_s, kDefaultPage, 1, kMaxPage);
    if (auto *refused = std::get_if<QHttpServerResponse>(&limit))
        return std::move(*refused);
    std::optional<ApprovalCursor> cursor;
    if (values.contains(u"cursor"_s)) {
        cursor = ApiResponses::parseCursor(values.value(u"cursor"_s));
        if (!cursor)
            return ApiResponses::error(400, HttpTr::tr("is not a cursor this server handed out"), u"cursor"_s);
    }

    const int pageSize = int(std::get<qint64>(limit));
    auto page = m_approvals.listAfter(caller.actor.tenantId, filter, cursor, pageSize);
    if (!page)
        return ApiResponses::fromError(page.error());
    QList<json::Node> items;
    items.reserve(page.value().size());
    for (const Approval &approval : page.value())
        items.append(approval.toJsonNode(false));
    const bool more = page.value().size() == pageSize;
    return ApiResponses::json(json::Node::object(
        {{u"items"_s, json::Node::array(std::move(items))},
         {u"nextCursor"_s, more ? json::Node::string(ApiResponses::cursorAfter(page.value().constLast()))
                                : json::Node::null()}}));
}

QHttpServerResponse ApiEndpoint::show(const ApiCaller &caller, const QUuid &id)
{
    auto found = m_service.find(caller.actor.tenantId, id);
    if (!found)
        return ApiResponses::fromError(found.error());
    if (!found.value())
        return ApiResponses::error(404, HttpTr::tr("no change request %1 in this tenant").arg(uuidText(id)));
    const Approval &approval = *found.value();
    const diff::ReviewDocuments documents = diff::reviewDocuments(approval.currentState, approval.payload);
    diff::DiffOptions options = diff::diffOptionsFor(approval.entityType);
    options.timeBudgetMs = kDiffBudgetMs;
    json::Node body = approval.toJsonNode(true);
    body.setMember(u"diff"_s, diff::toChangesJson(diff::diff(documents.before, documents.after, options)));
    return ApiResponses::json(body);
}

QHttpServerResponse ApiEndpoint::decide(const ApiCaller &caller, ApiOperation operation, const QUuid &id,
                                        const QByteArray &body)
{
    QString reason;
    if (!body.trimmed().isEmpty()) {
        auto parsed = json::parse(body);
        if (!parsed)
            return ApiResponses::fromError(parsed.error());
        const json::Node &document = parsed.value();
        if (!document.isObject())
            return ApiResponses::error(400, HttpTr::tr("the body must be a JSON object, e.g. {\"reason\": \"...\"}"));
        for (const auto &[name, value] : document.members()) {
            if (name != u"reason"_s)
                return ApiResponses::error(400, HttpTr::tr("unknown field; only \"reason\" is accepted"), name);
            if (!value.isNull() && !value.isString())
                return ApiResponses::error(400, HttpTr::tr("must be a string"), name);
        }
        reason = document.stringMember(u"reason"_s);
    }

    Result<Approval> decided = Error::make(ErrorCode::Invalid, QString());
    switch (operation) {
    case ApiOperation::ApproveApproval: decided = m_service.approve(caller.actor, id, reason); break;
    case ApiOperation::RejectApproval: decided = m_service.reject(caller.actor, id, reason); break;
    case ApiOperation::CancelApproval:
        if (!reason.isEmpty())
            return ApiResponses::error(400, HttpTr::tr("a withdrawal takes no reason"), u"reason"_s);
        decided = m_service.cancel(caller.actor, id);
        break;
    default: return ApiResponses::error(404, HttpTr::tr("not found"));
    }
    if (!decided)
        return ApiResponses::fromError(decided.error());
    return ApiResponses::json(decided.value().toJsonNode(true));
}

QHttpServerResponse ApiEndpoint::events(const ApiCaller &caller, const QUrlQuery &query)
{
    auto given = parameters(query, {u"after"_s, u"limit"_s});
    if (auto *refused = std::get_if<QHttpServerResponse>(&given))
        return std::move(*refused);
    const auto &values = std::get<QHash<QString, QString>>(given);
    auto after = number(values, u"after"_s, 0, 0, std::numeric_limits<qint64>::max());
    if (auto *refused = std::get_if<QHttpServerResponse>(&after))
        return std::move(*refused);
    auto limit = number(values, u"limit"_s, kDefaultEvents, 1, kMaxEvents);
    if (auto *refused = std::get_if<QHttpServerResponse>(&limit))
        return std::move(*refused);

    EventQuery eventQuery;
    eventQuery.afterSeq = std::get<qint64>(after);
    eventQuery.limit = int(std::get<qint64>(limit));
    auto page = m_events.list(caller.actor.tenantId, eventQuery);
    if (!page)
        return ApiResponses::fromError(page.error());
    QList<json::Node> items;
    qint64 last = eventQuery.afterSeq;
    for (const Event &event : page.value()) {
        items.append(ApiResponses::event(event));
        last = event.seq;
    }
    return ApiResponses::json(json::Node::object({{u"items"_s, json::Node::array(std::move(items))},
                                                  {u"nextAfter"_s, json::Node::number(QString::number(last))}}));
}

} // namespace steward
