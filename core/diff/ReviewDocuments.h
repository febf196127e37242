#pragma once

#include "diff/StructuralDiff.h"
#include "model/Error.h"
#include "model/Types.h"

#include <QByteArray>

#include <memory>
#include <optional>

namespace steward::diff {

// What a reviewer compares: the entity when the request was made, and the entity as it
// would be after approval (the payload laid over it: keys the payload leaves out keep
// their value, exactly as ApprovalService applies it).
struct ReviewDocuments
{
    std::shared_ptr<const json::Node> before; // null document for a create
    std::shared_ptr<const json::Node> after;
};

// The documents of a request (no current state: a create), laid over as Approval's
// requestedState() does.
ReviewDocuments reviewDocuments(const std::optional<json::Node> &currentState, const json::Node &payload);
// The same from the stored texts (a report reads them straight from the rows), parsed
// exactly: order and number text kept. An empty current-state text is a create.
Result<ReviewDocuments> reviewDocuments(const QByteArray &currentStateText, const QByteArray &payloadText);
// The identity member arrays of this entity type are matched by (empty: automatic).
DiffOptions diffOptionsFor(EntityType type);

} // namespace steward::diff
