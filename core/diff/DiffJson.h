#pragma once

#include "diff/StructuralDiff.h"

namespace steward::diff {

// A diff as JSON, for steward-cli diff --format json and the HTTP API alike:
// {counts {added, removed, changed, moved}, approximate, changes [{op, path, from?,
// before?, after?, item?}]}, values exactly as in the documents. `op` is added, removed,
// changed, type_changed, moved or formatting (equal numbers written differently).
json::Node toChangesJson(const DiffResult &result);

} // namespace steward::diff
