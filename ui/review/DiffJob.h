#pragma once

#include "DiffTreeModel.h"
#include "diff/ReviewDocuments.h"
#include "diff/StructuralDiff.h"

#include <memory>

namespace steward {

// Everything a review view shows, computed in one go.
struct DiffComputation
{
    std::shared_ptr<const diff::DiffResult> result;
    DiffTreeModel::ParentMap parents;
    QString error;
};

// Diffs the documents of a review: on the GUI thread for small payloads, as a JobRunner
// job for large ones.
class DiffJob
{
public:
    static DiffComputation run(const diff::ReviewDocuments &documents, const diff::DiffOptions &options);
};

} // namespace steward
