#include "DiffJob.h"

#include "diff/ReviewDocuments.h"

namespace steward {

DiffComputation DiffJob::run(const QByteArray &currentStateText, const QByteArray &payloadText,
                             const diff::DiffOptions &options)
{
    DiffComputation computation;
    auto documents = diff::reviewDocuments(currentStateText, payloadText);
    if (!documents) {
        computation.error = documents.error().text();
        return computation;
    }
    auto result =
        std::make_shared<diff::DiffResult>(diff::diff(documents.value().before, documents.value().after, options));
    computation.parents = buildParentMap(result->root);
    computation.result = std::move(result);
    return computation;
}

} // namespace steward
