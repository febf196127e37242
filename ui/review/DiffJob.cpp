#include "DiffJob.h"

namespace steward {

DiffComputation DiffJob::run(quint64 generation, const diff::ReviewDocuments &documents,
                             const diff::DiffOptions &options)
{
    DiffComputation computation;
    computation.generation = generation;
    try {
        auto result = std::make_shared<diff::DiffResult>(diff::diff(documents.before, documents.after, options));
        computation.parents = buildParentMap(result->root);
        computation.result = std::move(result);
    } catch (const std::exception &exception) {
        // Nothing escapes a worker thread: report it like any other failure.
        computation.error = QString::fromUtf8(exception.what());
    }
    return computation;
}

void DiffJob::compute(quint64 generation, const diff::ReviewDocuments &documents, const diff::DiffOptions &options)
{
    Q_EMIT computed(run(generation, documents, options));
}

} // namespace steward
