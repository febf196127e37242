#pragma once

#include "diff/StructuralDiff.h"

#include <QAbstractTableModel>

namespace steward {

// The changes of a diff as a flat list: one row per change with its JSON Pointer.
class ChangeListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MarkColumn, PathColumn, BeforeColumn, AfterColumn, ColumnCount };

    explicit ChangeListModel(QObject *parent = nullptr);

    void setChanges(QList<const diff::DiffNode *> changes);
    const diff::DiffNode *nodeAt(int row) const;
    int rowOf(const diff::DiffNode *node) const { return int(m_changes.indexOf(node)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<const diff::DiffNode *> m_changes;
};

} // namespace steward
