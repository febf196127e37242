#pragma once

#include "diff/StructuralDiff.h"
#include "json/JsonNode.h"
#include "model/Error.h"

namespace steward::diff {

// RFC 6902 JSON Patch. toPatch(a, b) applied to a gives b exactly (member order and
// number text included).
//
// Arrays are aligned as diff() aligns them, so one item inserted at the head of a long
// array is one "add". Member order: "add" of a new member appends it; a member that must
// come later than it stands is re-appended with a "move" whose "from" equals its "path"
// (remove + add, per RFC 6902). Another implementation that treats such a move as a no-op
// still gets an equal document, with members possibly in another order.
json::Node toPatch(const json::Node &before, const json::Node &after);
// The same, aligning arrays of objects on `options.identityKey` (as the diff shown did).
json::Node toPatch(const json::Node &before, const json::Node &after, const DiffOptions &options);
// All of add, remove, replace, move, copy and test. On failure nothing is applied and
// Error::field is the failing operation's "path".
Result<json::Node> applyPatch(const json::Node &document, const json::Node &patch);

} // namespace steward::diff
