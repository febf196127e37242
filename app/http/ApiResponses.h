#pragma once

#include "json/JsonNode.h"
#include "model/Error.h"
#include "store/ApprovalRepository.h"

#include <QHttpServerResponse>

#include <optional>

namespace steward {

struct Approval;
struct Event;

// How the HTTP API answers: JSON bodies with the camelCase names of SPEC section 3, and
// errors as {error, field?}, never a stack trace or SQL text.
namespace ApiResponses {

QHttpServerResponse json(const json::Node &body, int status = 200);
QHttpServerResponse error(int status, const QString &message, const QString &field = {});
// A core refusal as its HTTP status: invalid 400, forbidden 403, not found 404, conflict
// and stale 409. A database failure is 503 with a generic message; its detail, which
// may hold SQL, goes to the server's log only.
QHttpServerResponse fromError(const Error &error);
json::Node event(const Event &event);

// Opaque keyset cursors for GET /approvals.
QString cursorAfter(const Approval &last);
std::optional<ApprovalCursor> parseCursor(const QString &text);

} // namespace ApiResponses
} // namespace steward
