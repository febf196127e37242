#pragma once

#include "json/JsonNode.h"

#include <QAbstractTableModel>

#include <memory>

namespace steward {

// For a stale request: every field that changed either under the requester's feet
// (request-time state -> live state) or in the request (request-time -> requested),
// with the three values side by side. A field changed both ways differently conflicts.
class ThreeWayModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MarkColumn, PathColumn, RequestTimeColumn, LiveColumn, RequestedColumn, ColumnCount };

    struct Row
    {
        QString path;
        bool changedLive = false;
        bool changedByRequest = false;
        bool conflict = false;
        QString requestTime;
        QString live;
        QString requested;
    };

    explicit ThreeWayModel(QObject *parent = nullptr);

    void setDocuments(const json::Node &requestTime, const json::Node &live, const json::Node &requested);
    const Row &rowAt(int row) const { return m_rows.at(row); }
    int conflictCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace steward
