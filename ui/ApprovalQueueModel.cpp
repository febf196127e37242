#include "ApprovalQueueModel.h"

#include "UiTr.h"

namespace steward {

QString ageText(const QDateTime &since, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, since.secsTo(now));
    if (seconds < 3600)
        return UiTr::tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return UiTr::tr("%n h", nullptr, int(seconds / 3600));
    return UiTr::tr("%n d", nullptr, int(seconds / 86400));
}

ApprovalQueueModel::ApprovalQueueModel(ApprovalRepository &repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository)
{
    m_filter.status = ApprovalStatus::Pending;
}

void ApprovalQueueModel::setTenant(const QUuid &tenantId)
{
    m_tenantId = tenantId;
    refresh();
}

void ApprovalQueueModel::setFilter(const ApprovalFilter &filter)
{
    m_filter = filter;
    refresh();
}

void ApprovalQueueModel::refresh()
{
    beginResetModel();
    m_pages.clear();
    m_now = QDateTime::currentDateTimeUtc();
    m_count = 0;
    if (!m_tenantId.isNull()) {
        auto count = m_repository.count(m_tenantId, m_filter);
        if (count)
            m_count = count.value();
        else
            Q_EMIT loadFailed(count.error().text());
    }
    endResetModel();
}

int ApprovalQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int ApprovalQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Approval *ApprovalQueueModel::approvalAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        auto rows = m_repository.list(m_tenantId, m_filter, m_sort, page * kPageSize, kPageSize);
        if (!rows) {
            // Emitting from a const accessor is fine: the signal only reports.
            Q_EMIT const_cast<ApprovalQueueModel *>(this)->loadFailed(rows.error().text());
            return nullptr;
        }
        it = m_pages.insert(page, rows.value());
    }
    const int offset = row % kPageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

QVariant ApprovalQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Approval *approval = approvalAt(index.row());
    if (!approval)
        return {};
    if (role == ApprovalIdRole)
        return approval->id;
    if (role == Qt::ToolTipRole && index.column() == AgeColumn)
        return QLocale().toString(approval->requestedAt.toLocalTime(), QLocale::LongFormat);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case EntityTypeColumn: return displayName(approval->entityType);
    case KeyColumn: return approval->entityKey;
    case TierColumn: return toString(approval->tier);
    case LaneColumn: return displayName(approval->lane);
    case RequestedByColumn: return approval->requestedBy;
    case AgeColumn: return ageText(approval->requestedAt, m_now);
    case RequiredRoleColumn: return displayName(approval->requiredRole);
    case StatusColumn: return displayName(approval->status);
    default: return {};
    }
}

QVariant ApprovalQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EntityTypeColumn: return UiTr::tr("Type");
    case KeyColumn: return UiTr::tr("Key");
    case TierColumn: return UiTr::tr("Tier");
    case LaneColumn: return UiTr::tr("Lane");
    case RequestedByColumn: return UiTr::tr("Requested by");
    case AgeColumn: return UiTr::tr("Age");
    case RequiredRoleColumn: return UiTr::tr("Required role");
    case StatusColumn: return UiTr::tr("Status");
    default: return {};
    }
}

void ApprovalQueueModel::sort(int column, Qt::SortOrder order)
{
    static const ApprovalSortKey keys[ColumnCount] = {
        ApprovalSortKey::EntityType,  ApprovalSortKey::EntityKey,   ApprovalSortKey::Tier,
        ApprovalSortKey::Lane,        ApprovalSortKey::RequestedBy, ApprovalSortKey::RequestedAt,
        ApprovalSortKey::RequiredRole, ApprovalSortKey::CurrentStatus};
    if (column < 0 || column >= ColumnCount)
        return;
    m_sort.key = keys[column];
    // Age grows as requested_at falls: oldest first means ascending time.
    m_sort.order = column == AgeColumn ? (order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder)
                                       : order;
    refresh();
}

QUuid ApprovalQueueModel::approvalIdAt(int row) const
{
    const Approval *approval = approvalAt(row);
    return approval ? approval->id : QUuid();
}

int ApprovalQueueModel::loadedRowOf(const QUuid &approvalId) const
{
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if (it->at(i).id == approvalId)
                return it.key() * kPageSize + i;
        }
    }
    return -1;
}

} // namespace steward
