#include "ChangeListModel.h"

#include "DiffTreeModel.h"
#include "UiTr.h"

using namespace Qt::StringLiterals;

namespace steward {

ChangeListModel::ChangeListModel(QObject *parent) : QAbstractTableModel(parent) {}

void ChangeListModel::setChanges(QList<const diff::DiffNode *> changes)
{
    beginResetModel();
    m_changes = std::move(changes);
    endResetModel();
}

const diff::DiffNode *ChangeListModel::nodeAt(int row) const
{
    return row >= 0 && row < m_changes.size() ? m_changes.at(row) : nullptr;
}

int ChangeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int ChangeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const diff::DiffNode &node = *m_changes.at(index.row());
    if (role == Qt::ToolTipRole)
        return changeDescription(node);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case MarkColumn: return changeSymbol(node);
    case PathColumn: return node.path.isEmpty() ? u"/"_s : node.path;
    case BeforeColumn: return valueSummary(node.before);
    case AfterColumn: return valueSummary(node.after);
    }
    return {};
}

QVariant ChangeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MarkColumn: return QString();
    case PathColumn: return UiTr::tr("JSON Pointer");
    case BeforeColumn: return UiTr::tr("Current state");
    case AfterColumn: return UiTr::tr("Requested");
    }
    return {};
}

} // namespace steward
