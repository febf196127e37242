#pragma once

#include "diff/StructuralDiff.h"

#include <QAbstractItemModel>
#include <QHash>

namespace steward {

// The aligned diff as a tree: one row per DiffNode, both sides in columns. Rows are
// never materialised: indexes point at the DiffNodes of the result, and the children
// a view asks for are computed when first asked (filtered in "changes only" mode).
class DiffTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { MarkColumn, KeyColumn, BeforeColumn, AfterColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, KindRole, ContainsChangesRole, FormattingOnlyRole };

    explicit DiffTreeModel(QObject *parent = nullptr);

    using ParentMap = QHash<const diff::DiffNode *, const diff::DiffNode *>;
    // `parents` from buildParentMap(); built where the diff ran, off the GUI thread.
    void setResult(std::shared_ptr<const diff::DiffResult> result, ParentMap parents);
    const diff::DiffResult *result() const { return m_result.get(); }
    void setChangesOnly(bool changesOnly);
    bool changesOnly() const { return m_changesOnly; }

    // The index of a node of the result (its ancestors need not be expanded).
    QModelIndex indexOf(const diff::DiffNode *node) const;
    const diff::DiffNode *nodeAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const QList<const diff::DiffNode *> &visibleChildren(const diff::DiffNode *node) const;

    std::shared_ptr<const diff::DiffResult> m_result;
    bool m_changesOnly = false;
    mutable QHash<const diff::DiffNode *, QList<const diff::DiffNode *>> m_children;
    ParentMap m_parents;
};

DiffTreeModel::ParentMap buildParentMap(const diff::DiffNode &root);

// "+", "-", "~", ">" or "≈" (formatting only): colour is never the only signal.
QString changeSymbol(const diff::DiffNode &node);
QString changeDescription(const diff::DiffNode &node);
// A value as one line: scalars as written, containers summarised.
QString valueSummary(const json::Node *value);

} // namespace steward
