#pragma once

#include "DiffTreeModel.h"
#include "diff/ReviewDocuments.h"
#include "diff/StructuralDiff.h"

#include <QMetaType>
#include <QObject>

#include <memory>

namespace steward {

// Everything a review view shows, computed in one go.
struct DiffComputation
{
    quint64 generation = 0;
    std::shared_ptr<const diff::DiffResult> result;
    DiffTreeModel::ParentMap parents;
    QString error;
};

// Diffs the documents of a review. Lives on a worker thread for large payloads; the
// generation number lets the view drop results it no longer wants.
class DiffJob : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    static DiffComputation run(quint64 generation, const diff::ReviewDocuments &documents,
                               const diff::DiffOptions &options);

public Q_SLOTS:
    void compute(quint64 generation, const steward::diff::ReviewDocuments &documents,
                 const steward::diff::DiffOptions &options);

Q_SIGNALS:
    void computed(const steward::DiffComputation &computation);
};

} // namespace steward

Q_DECLARE_METATYPE(steward::DiffComputation)
Q_DECLARE_METATYPE(steward::diff::DiffOptions)
