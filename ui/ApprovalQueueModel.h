#pragma once

#include "model/Approval.h"
#include "store/ApprovalRepository.h"

#include <QAbstractTableModel>
#include <QSet>

#include <functional>
#include <map>

namespace steward {

// The approvals queue, loaded lazily: the row count comes from one COUNT query and
// rows are fetched a page at a time when the view first asks for them. Sorting and
// filtering run in the database. A request that changes (submitted, decided) moves
// only its own row, with row inserts, removals, moves or dataChanged, so the views keep
// their selection and scroll position; only a new tenant, filter or sort resets.
class ApprovalQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        EntityTypeColumn,
        KeyColumn,
        TierColumn,
        LaneColumn,
        RequestedByColumn,
        AgeColumn,
        RequiredRoleColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { ApprovalIdRole = Qt::UserRole + 1 };
    static constexpr int kPageSize = 100;

    explicit ApprovalQueueModel(ApprovalRepository &repository, QObject *parent = nullptr);

    void setTenant(const QUuid &tenantId);
    void setFilter(const ApprovalFilter &filter);
    const ApprovalFilter &filter() const { return m_filter; }
    // Re-counts and drops cached pages; the view re-asks for what it shows (a reset).
    void refresh();
    // The request changed in the database: moves, inserts, removes or updates its row
    // alone. Falls back to refresh() when the queue changed in more ways than this one.
    void requestChanged(const QUuid &approvalId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QUuid approvalIdAt(int row) const;
    // Row of a request among the pages loaded so far, or -1.
    int loadedRowOf(const QUuid &approvalId) const;
    // Pages read from the database since the last reset.
    int loadedPageCount() const { return int(m_fetchedPages.size()); }

Q_SIGNALS:
    void loadFailed(const QString &message);

private:
    const Approval *approvalAt(int row) const;
    void shiftRows(int from, int by);
    void insertRow(int row, const Approval &approval);
    void removeRow(int row);
    void moveRow(int from, int to, const Approval &approval);

    ApprovalRepository &m_repository;
    QUuid m_tenantId;
    ApprovalFilter m_filter;
    ApprovalSort m_sort;
    int m_count = 0;
    QDateTime m_now;
    mutable std::map<int, Approval> m_rows; // the rows read so far, by row
    mutable QSet<int> m_fetchedPages;
    // Set only while views hear that rows are about to change: where a row (numbered as
    // the views still count) now is in the database; -1 for the one that left.
    std::function<int(int)> m_toDatabaseRow;
};

// "3 d", "5 h", "12 min": how long a request has waited.
QString ageText(const QDateTime &since, const QDateTime &now);

} // namespace steward
