#pragma once

#include "quality/QualityQueries.h"

#include <QAbstractTableModel>

namespace steward {

// The fields whose latest score fell more than ten points below the run before, newest
// first, as the Quality page lists them.
class DegradationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, TierColumn, DomainColumn, BeforeColumn, NowColumn, DropColumn, WhenColumn, ColumnCount };
    // The field's canonical key, for every column.
    static constexpr int KeyRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setDegradations(const QList<quality::Degradation> &degradations);
    QString keyAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<quality::Degradation> m_rows;
};

} // namespace steward
