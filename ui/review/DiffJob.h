#pragma once

#include "DiffTreeModel.h"
#include "diff/StructuralDiff.h"

#include <QByteArray>

#include <memory>

namespace steward {

// Everything a review view shows, computed in one go.
struct DiffComputation
{
    std::shared_ptr<const diff::DiffResult> result;
    DiffTreeModel::ParentMap parents;
    QString error;
};

// Parses and diffs two documents: on the GUI thread for small payloads, as a JobRunner
// job for large ones.
class DiffJob
{
public:
    static DiffComputation run(const QByteArray &currentStateText, const QByteArray &payloadText,
                               const diff::DiffOptions &options);
};

} // namespace steward
