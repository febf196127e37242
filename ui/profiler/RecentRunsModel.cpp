#include "RecentRunsModel.h"

#include "UiTr.h"
#include "profiler/ProfileRepository.h"

#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace steward {

QString percentText(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 1) : UiTr::tr("—");
}

QString runStatusName(profiler::RunStatus status)
{
    switch (status) {
    case profiler::RunStatus::Completed: return UiTr::tr("Completed");
    case profiler::RunStatus::Failed: return UiTr::tr("Failed");
    case profiler::RunStatus::Cancelled: return UiTr::tr("Cancelled");
    }
    return {};
}

RecentRunsModel::RecentRunsModel(profiler::ProfileRepository &repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository)
{
}

void RecentRunsModel::setTenant(const QUuid &tenantId)
{
    m_tenantId = tenantId;
    reload();
}

void RecentRunsModel::reload()
{
    beginResetModel();
    m_runs.clear();
    if (!m_tenantId.isNull()) {
        auto runs = m_repository.recent(m_tenantId, kRows);
        if (runs)
            m_runs = runs.value();
        else
            Q_EMIT loadFailed(runs.error().text());
    }
    endResetModel();
}

const profiler::ProfileRun *RecentRunsModel::runAt(int row) const
{
    return row >= 0 && row < m_runs.size() ? &m_runs.at(row) : nullptr;
}

int RecentRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RecentRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const profiler::ProfileRun &run = m_runs.at(index.row());
    const profiler::ColumnMetrics &m = run.metrics;
    if (role == Qt::ToolTipRole)
        return run.error.isEmpty() ? m.note : run.error;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && run.status != profiler::RunStatus::Completed)
        return QColor(0xa4, 0x26, 0x2c);
    if (role == Qt::TextAlignmentRole && index.column() >= ScoreColumn && index.column() <= DurationColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case FieldColumn: return run.canonicalKey;
    case StatusColumn: return runStatusName(run.status);
    case ScoreColumn: return percentText(m.qualityScore);
    case GradeColumn: return m.qualityGrade;
    case CompletenessColumn: return percentText(m.completeness);
    case UniquenessColumn: return percentText(m.uniqueness);
    case ValidityColumn: return percentText(m.validity);
    case RowsColumn:
        return run.sampledRows && run.sampledRows != run.rowCount
                   ? UiTr::tr("%1 of %2").arg(locale.toString(run.sampledRows), locale.toString(run.rowCount))
                   : locale.toString(run.rowCount);
    case DurationColumn: return UiTr::tr("%1 s").arg(locale.toString(run.durationMs / 1000.0, 'f', 2));
    case WhenColumn: return locale.toString(run.createdAt.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

QVariant RecentRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn: return UiTr::tr("Field");
    case StatusColumn: return UiTr::tr("Status");
    case ScoreColumn: return UiTr::tr("Score");
    case GradeColumn: return UiTr::tr("Grade");
    case CompletenessColumn: return UiTr::tr("Complete %");
    case UniquenessColumn: return UiTr::tr("Unique %");
    case ValidityColumn: return UiTr::tr("Valid %");
    case RowsColumn: return UiTr::tr("Rows");
    case DurationColumn: return UiTr::tr("Duration");
    case WhenColumn: return UiTr::tr("When");
    }
    return {};
}

} // namespace steward
