#pragma once

#include "events/Event.h"

#include <QAbstractTableModel>
#include <QList>

namespace steward {

class EventRepository;

// The audit trail, newest first: the latest events from mdm_event, then every event
// of the tenant as the bus publishes it.
class AuditTrailModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeqColumn, TimeColumn, TypeColumn, ActorColumn, RoleColumn, SubjectColumn, ColumnCount };
    static constexpr int kInitialRows = 500;

    AuditTrailModel(EventRepository &events, QObject *parent = nullptr);

    void setTenant(const QUuid &tenantId);
    void reload();
    // Connected to EventBus::eventPublished.
    void append(const steward::Event &event);
    const Event &eventAt(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    EventRepository &m_repository;
    QUuid m_tenantId;
    QList<Event> m_events; // newest first
};

} // namespace steward
