#include "DiffJob.h"

#include "diff/ReviewDocuments.h"

namespace steward {

DiffComputation DiffJob::run(quint64 generation, const QByteArray &currentStateText, const QByteArray &payloadText,
                             const diff::DiffOptions &options)
{
    DiffComputation computation;
    computation.generation = generation;
    try {
        auto documents = diff::reviewDocuments(currentStateText, payloadText);
        if (!documents) {
            computation.error = documents.error().text();
            return computation;
        }
        auto result = std::make_shared<diff::DiffResult>(
            diff::diff(documents.value().before, documents.value().after, options));
        computation.parents = buildParentMap(result->root);
        computation.result = std::move(result);
    } catch (const std::exception &exception) {
        // Nothing escapes a worker thread: report it like any other failure.
        computation.error = QString::fromUtf8(exception.what());
    }
    return computation;
}

void DiffJob::compute(quint64 generation, const QByteArray &currentStateText, const QByteArray &payloadText,
                      const diff::DiffOptions &options)
{
    Q_EMIT computed(run(generation, currentStateText, payloadText, options));
}

} // namespace steward
