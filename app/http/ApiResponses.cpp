#include "ApiResponses.h"

#include "HttpTr.h"
#include "events/Event.h"
#include "json/JsonParser.h"
#include "model/Approval.h"

#include <QDebug>
#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace steward::ApiResponses {

QHttpServerResponse json(const json::Node &body, int status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), json::serialize(body),
                               static_cast<QHttpServerResponse::StatusCode>(status));
}

QHttpServerResponse error(int status, const QString &message, const QString &field)
{
    json::Node body = json::Node::object({{u"error"_s, json::Node::string(message)}});
    if (!field.isEmpty())
        body.setMember(u"field"_s, json::Node::string(field));
    return json(body, status);
}

QHttpServerResponse fromError(const Error &failure)
{
    switch (failure.code) {
    case ErrorCode::Invalid: return error(400, failure.message, failure.field);
    case ErrorCode::Forbidden: return error(403, failure.message, failure.field);
    case ErrorCode::NotFound: return error(404, failure.message, failure.field);
    case ErrorCode::Conflict:
    case ErrorCode::Stale: return error(409, failure.message, failure.field);
    case ErrorCode::Corrupted: return error(500, failure.message, failure.field);
    case ErrorCode::Unavailable: break;
    }
    qWarning().noquote() << u"steward-cli serve: answered 503: %1"_s.arg(failure.text());
    QHttpServerResponse response =
        error(503, HttpTr::tr("the database is not available right now; try again in a moment"));
    response.setHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    return response;
}

json::Node event(const Event &event)
{
    return json::fromQJsonValue(event.toJson());
}

QString cursorAfter(const Approval &last)
{
    const QByteArray text = (toIsoTimestamp(last.requestedAt) + u'|' + uuidText(last.id)).toUtf8();
    return QString::fromLatin1(text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<ApprovalCursor> parseCursor(const QString &text)
{
    if (text.size() > 200)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString plain = QString::fromUtf8(*decoded);
    const qsizetype bar = plain.indexOf(u'|');
    if (bar <= 0)
        return std::nullopt;
    ApprovalCursor cursor{fromIsoTimestamp(plain.left(bar)), QUuid::fromString(plain.mid(bar + 1))};
    if (!cursor.requestedAt.isValid() || cursor.id.isNull())
        return std::nullopt;
    return cursor;
}

} // namespace steward::ApiResponses
