#pragma once

#include "profiler/ProfilerService.h"

#include <QAbstractTableModel>

namespace steward {

// The profiler's queue: the running job first, then what waits, in run order.
class ProfileJobModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { FieldColumn, TriggerColumn, PriorityColumn, StateColumn, ProgressColumn, ColumnCount };
    enum Role { JobIdRole = Qt::UserRole + 1, PercentRole };

    explicit ProfileJobModel(profiler::ProfilerService &service, QObject *parent = nullptr);

    quint64 jobIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void updateProgress(quint64 jobId, int percent);

    profiler::ProfilerService &m_service;
    QList<profiler::ProfileJob> m_jobs;
};

QString triggerName(profiler::Trigger trigger);

} // namespace steward
