#pragma once

#include "diff/FlatDiff.h"

#include <QAbstractTableModel>

namespace steward {

// Current state and requested payload side by side, one row per field. Each change
// carries a symbol (+ - ~) as well as a colour, so colour is never the only signal.
class SideBySideDiffModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MarkColumn, FieldColumn, CurrentColumn, RequestedColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1 };

    explicit SideBySideDiffModel(QObject *parent = nullptr);

    void setComparison(const std::optional<QJsonObject> &before, const QJsonObject &after);
    void clear();
    FlatDiffCounts counts() const { return m_counts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<FlatDiffEntry> m_entries;
    FlatDiffCounts m_counts;
};

} // namespace steward
