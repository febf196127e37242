#include "ProfileJobModel.h"

#include "UiTr.h"

namespace steward {

QString triggerName(profiler::Trigger trigger)
{
    switch (trigger) {
    case profiler::Trigger::Approval: return UiTr::tr("Approval");
    case profiler::Trigger::Schedule: return UiTr::tr("Schedule");
    case profiler::Trigger::Manual: return UiTr::tr("Manual");
    case profiler::Trigger::RuleChange: return UiTr::tr("Rule change");
    }
    return {};
}

ProfileJobModel::ProfileJobModel(profiler::ProfilerService &service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    connect(&m_service, &profiler::ProfilerService::jobsChanged, this, &ProfileJobModel::reload);
    connect(&m_service, &profiler::ProfilerService::jobProgress, this, &ProfileJobModel::updateProgress);
    reload();
}

void ProfileJobModel::reload()
{
    beginResetModel();
    m_jobs = m_service.jobs();
    endResetModel();
}

void ProfileJobModel::updateProgress(quint64 jobId, int percent)
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).id == jobId) {
            m_jobs[row].percent = percent;
            m_jobs[row].running = true;
            Q_EMIT dataChanged(index(row, StateColumn), index(row, ProgressColumn));
            return;
        }
    }
}

quint64 ProfileJobModel::jobIdAt(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row).id : 0;
}

int ProfileJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int ProfileJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const profiler::ProfileJob &job = m_jobs.at(index.row());
    if (role == JobIdRole)
        return job.id;
    if (role == PercentRole)
        return job.percent;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FieldColumn: return job.canonicalKey;
    case TriggerColumn: return triggerName(job.trigger);
    case PriorityColumn: return job.highPriority ? UiTr::tr("High") : UiTr::tr("Normal");
    case StateColumn: return job.running ? UiTr::tr("Running") : UiTr::tr("Queued");
    case ProgressColumn: return UiTr::tr("%1 %").arg(job.percent);
    }
    return {};
}

QVariant ProfileJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn: return UiTr::tr("Field");
    case TriggerColumn: return UiTr::tr("Trigger");
    case PriorityColumn: return UiTr::tr("Priority");
    case StateColumn: return UiTr::tr("State");
    case ProgressColumn: return UiTr::tr("Progress");
    }
    return {};
}

} // namespace steward
