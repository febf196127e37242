#include "DiffJob.h"

namespace steward {

DiffComputation DiffJob::run(const diff::ReviewDocuments &documents, const diff::DiffOptions &options)
{
    DiffComputation computation;
    auto result = std::make_shared<diff::DiffResult>(diff::diff(documents.before, documents.after, options));
    computation.parents = buildParentMap(result->root);
    computation.result = std::move(result);
    return computation;
}

} // namespace steward
