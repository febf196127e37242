#include "ThreeWayModel.h"

#include "DiffTreeModel.h"
#include "UiTr.h"
#include "diff/StructuralDiff.h"
#include "json/JsonPointer.h"

#include <QColor>
#include <QSet>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// Paths of leaf-level changes (containers whose children carry the change are skipped).
QStringList changedPaths(const json::Node &from, const json::Node &to)
{
    const diff::DiffResult result =
        diff::diff(std::make_shared<const json::Node>(from), std::make_shared<const json::Node>(to));
    QStringList paths;
    for (const diff::DiffNode *node : result.changes())
        paths.append(node->path);
    return paths;
}

QString valueAt(const json::Node &document, const QString &path)
{
    const json::Node *node = json::resolve(document, path);
    return node ? valueSummary(node) : UiTr::tr("(absent)");
}

} // namespace

ThreeWayModel::ThreeWayModel(QObject *parent) : QAbstractTableModel(parent) {}

void ThreeWayModel::setDocuments(const json::Node &requestTime, const json::Node &live, const json::Node &requested)
{
    beginResetModel();
    m_rows.clear();
    const QStringList livePaths = changedPaths(requestTime, live);
    const QStringList requestPaths = changedPaths(requestTime, requested);
    const QSet<QString> liveSet(livePaths.cbegin(), livePaths.cend());
    const QSet<QString> requestSet(requestPaths.cbegin(), requestPaths.cend());
    QStringList paths = livePaths;
    for (const QString &path : requestPaths) {
        if (!liveSet.contains(path))
            paths.append(path);
    }
    for (const QString &path : std::as_const(paths)) {
        Row row;
        row.path = path;
        row.changedLive = liveSet.contains(path);
        row.changedByRequest = requestSet.contains(path);
        row.requestTime = valueAt(requestTime, path);
        row.live = valueAt(live, path);
        row.requested = valueAt(requested, path);
        row.conflict = row.changedLive && row.changedByRequest && row.live != row.requested;
        m_rows.append(row);
    }
    endResetModel();
}

int ThreeWayModel::conflictCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.conflict; }));
}

int ThreeWayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ThreeWayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ThreeWayModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MarkColumn: return row.conflict ? u"!"_s : row.changedLive ? u"~"_s : u">"_s;
        case PathColumn: return row.path;
        case RequestTimeColumn: return row.requestTime;
        case LiveColumn: return row.live;
        case RequestedColumn: return row.requested;
        }
        return {};
    case Qt::ToolTipRole:
        if (row.conflict)
            return UiTr::tr("Conflict: changed since the request was made, and the request changes it differently");
        if (row.changedLive)
            return UiTr::tr("Changed since the request was made");
        return UiTr::tr("Changed by the request only");
    case Qt::BackgroundRole:
        if (row.conflict)
            return QColor(0xfb, 0xdc, 0xdc);
        if (row.changedLive && index.column() == LiveColumn)
            return QColor(0xfd, 0xf0, 0xc8);
        if (row.changedByRequest && index.column() == RequestedColumn)
            return QColor(0xd7, 0xf5, 0xdd);
        return {};
    case Qt::TextAlignmentRole: return index.column() == MarkColumn ? QVariant(Qt::AlignCenter) : QVariant();
    }
    return {};
}

QVariant ThreeWayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MarkColumn: return QString();
    case PathColumn: return UiTr::tr("JSON Pointer");
    case RequestTimeColumn: return UiTr::tr("When requested");
    case LiveColumn: return UiTr::tr("Live now");
    case RequestedColumn: return UiTr::tr("Requested");
    }
    return {};
}

} // namespace steward
