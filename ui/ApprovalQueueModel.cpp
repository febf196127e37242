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
    m_rows.clear();
    m_fetchedPages.clear();
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
    auto it = m_rows.find(row);
    if (it == m_rows.end() && m_toDatabaseRow) {
        // Asked between "about to change" and the change (views look at the neighbours):
        // the database already has its new order, so read the one row where it is now.
        const int databaseRow = m_toDatabaseRow(row);
        if (databaseRow < 0)
            return nullptr;
        auto rows = m_repository.list(m_tenantId, m_filter, m_sort, databaseRow, 1);
        if (!rows || rows.value().isEmpty())
            return nullptr;
        it = m_rows.insert_or_assign(row, rows.value().constFirst()).first;
    }
    if (it == m_rows.end()) {
        const int page = row / kPageSize;
        auto rows = m_repository.list(m_tenantId, m_filter, m_sort, page * kPageSize, kPageSize);
        if (!rows) {
            // Emitting from a const accessor is fine: the signal only reports.
            Q_EMIT const_cast<ApprovalQueueModel *>(this)->loadFailed(rows.error().text());
            return nullptr;
        }
        m_fetchedPages.insert(page);
        for (int i = 0; i < rows.value().size() && page * kPageSize + i < m_count; ++i)
            m_rows.insert_or_assign(page * kPageSize + i, rows.value().at(i));
        it = m_rows.find(row);
    }
    return it != m_rows.end() ? &it->second : nullptr;
}

void ApprovalQueueModel::requestChanged(const QUuid &approvalId)
{
    if (m_tenantId.isNull())
        return;
    auto place = m_repository.place(m_tenantId, m_filter, m_sort, approvalId);
    auto count = m_repository.count(m_tenantId, m_filter);
    if (!place || !count) {
        Q_EMIT loadFailed(!place ? place.error().text() : count.error().text());
        return;
    }
    const int oldRow = loadedRowOf(approvalId);
    const bool matches = place.value() && place.value()->matches;
    const int newRow = place.value() ? place.value()->row : -1;
    std::optional<Approval> approval;
    if (matches) {
        auto found = m_repository.find(m_tenantId, approvalId);
        if (!found || !found.value()) {
            Q_EMIT loadFailed(!found ? found.error().text() : UiTr::tr("The request disappeared; reloading."));
            refresh();
            return;
        }
        approval = *found.value();
        approval->payload = {}; // the queue never needs the documents
        approval->currentState.reset();
    }

    // Its row was on screen (read): it is known where it was.
    if (oldRow >= 0) {
        const int expected = matches ? m_count : m_count - 1;
        if (count.value() != expected)
            return refresh(); // more changed than this request
        if (!matches)
            removeRow(oldRow);
        else if (newRow == oldRow) {
            m_rows.insert_or_assign(oldRow, *approval);
            Q_EMIT dataChanged(index(oldRow, 0), index(oldRow, ColumnCount - 1));
        } else
            moveRow(oldRow, newRow, *approval);
        return;
    }
    // Never read: the count says whether it came or went.
    if (matches && count.value() == m_count + 1)
        insertRow(newRow, *approval);
    else if (!matches && place.value() && count.value() == m_count - 1 && m_rows.count(newRow) == 0)
        removeRow(newRow);
    else if (count.value() != m_count || (matches && m_rows.count(newRow) > 0))
        refresh(); // it cannot be told which rows moved
    // Otherwise it changed out of sight, or outside the queue: no row to touch.
}

// Re-keys the rows read from `from` on by `by` places.
void ApprovalQueueModel::shiftRows(int from, int by)
{
    std::map<int, Approval> shifted;
    for (auto &[row, approval] : m_rows)
        shifted.emplace(row >= from ? row + by : row, std::move(approval));
    m_rows = std::move(shifted);
}

void ApprovalQueueModel::insertRow(int row, const Approval &approval)
{
    row = std::clamp(row, 0, m_count);
    m_toDatabaseRow = [row](int old) { return old < row ? old : old + 1; };
    beginInsertRows({}, row, row);
    m_toDatabaseRow = nullptr;
    shiftRows(row, 1);
    m_rows.insert_or_assign(row, approval);
    ++m_count;
    endInsertRows();
}

void ApprovalQueueModel::removeRow(int row)
{
    if (row < 0 || row >= m_count)
        return;
    m_toDatabaseRow = [row](int old) { return old < row ? old : old == row ? -1 : old - 1; };
    beginRemoveRows({}, row, row);
    m_toDatabaseRow = nullptr;
    m_rows.erase(row);
    shiftRows(row + 1, -1);
    --m_count;
    endRemoveRows();
}

void ApprovalQueueModel::moveRow(int from, int to, const Approval &approval)
{
    to = std::clamp(to, 0, m_count - 1);
    m_toDatabaseRow = [from, to](int old) {
        if (old == from)
            return to;
        const int without = old < from ? old : old - 1;
        return without < to ? without : without + 1;
    };
    // beginMoveRows names the row it goes before, counted before the move.
    const bool moving = beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_toDatabaseRow = nullptr;
    if (!moving)
        return refresh();
    m_rows.erase(from);
    shiftRows(from + 1, -1);
    shiftRows(to, 1);
    m_rows.insert_or_assign(to, approval);
    endMoveRows();
    Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
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
    for (const auto &[row, approval] : m_rows) {
        if (approval.id == approvalId)
            return row;
    }
    return -1;
}

} // namespace steward
