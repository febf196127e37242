#pragma once

#include "profiler/ProfileTypes.h"

#include <QAbstractTableModel>

namespace steward::profiler {
class ProfileRepository;
}

namespace steward {

// The latest profile runs of the tenant, newest first, with their scores.
class RecentRunsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        FieldColumn,
        StatusColumn,
        ScoreColumn,
        GradeColumn,
        CompletenessColumn,
        UniquenessColumn,
        ValidityColumn,
        RowsColumn,
        DurationColumn,
        WhenColumn,
        ColumnCount
    };
    static constexpr int kRows = 200;

    explicit RecentRunsModel(profiler::ProfileRepository &repository, QObject *parent = nullptr);

    void setTenant(const QUuid &tenantId);
    void reload();
    const profiler::ProfileRun *runAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    profiler::ProfileRepository &m_repository;
    QUuid m_tenantId;
    QList<profiler::ProfileRun> m_runs;
};

QString percentText(const std::optional<double> &value);
QString runStatusName(profiler::RunStatus status);

} // namespace steward
