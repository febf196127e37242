#include "SideBySideDiffModel.h"

#include "UiTr.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QString symbol(FlatDiffEntry::Kind kind)
{
    switch (kind) {
    case FlatDiffEntry::Kind::Added: return u"+"_s;
    case FlatDiffEntry::Kind::Removed: return u"-"_s;
    case FlatDiffEntry::Kind::Changed: return u"~"_s;
    case FlatDiffEntry::Kind::Unchanged: return {};
    }
    return {};
}

QString kindText(FlatDiffEntry::Kind kind)
{
    switch (kind) {
    case FlatDiffEntry::Kind::Added: return UiTr::tr("Added");
    case FlatDiffEntry::Kind::Removed: return UiTr::tr("Removed");
    case FlatDiffEntry::Kind::Changed: return UiTr::tr("Changed");
    case FlatDiffEntry::Kind::Unchanged: return UiTr::tr("Unchanged");
    }
    return {};
}

QVariant background(FlatDiffEntry::Kind kind)
{
    switch (kind) {
    case FlatDiffEntry::Kind::Added: return QColor(0xd7, 0xf5, 0xdd);
    case FlatDiffEntry::Kind::Removed: return QColor(0xfb, 0xdc, 0xdc);
    case FlatDiffEntry::Kind::Changed: return QColor(0xfd, 0xf0, 0xc8);
    case FlatDiffEntry::Kind::Unchanged: return {};
    }
    return {};
}

// Lets long identifiers (keys, URNs) wrap at their separators instead of being elided.
QString breakable(QString text)
{
    static const QString separators = u"._:/-"_s;
    for (qsizetype i = text.size() - 1; i > 0; --i) {
        if (separators.contains(text.at(i)))
            text.insert(i + 1, QChar(0x200B));
    }
    return text;
}

} // namespace

SideBySideDiffModel::SideBySideDiffModel(QObject *parent) : QAbstractTableModel(parent) {}

void SideBySideDiffModel::setComparison(const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    beginResetModel();
    m_entries = flatDiff(before, after);
    m_counts = countChanges(m_entries);
    endResetModel();
}

void SideBySideDiffModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_counts = {};
    endResetModel();
}

int SideBySideDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SideBySideDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SideBySideDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FlatDiffEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MarkColumn: return symbol(entry.kind);
        case FieldColumn: return entry.path.mid(1);
        case CurrentColumn: return breakable(displayValue(entry.before));
        case RequestedColumn: return breakable(displayValue(entry.after));
        default: return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CurrentColumn || index.column() == RequestedColumn) {
            const QString value =
                displayValue(index.column() == CurrentColumn ? entry.before : entry.after);
            return value.isEmpty() ? QVariant() : QVariant(value);
        }
        return u"%1: %2"_s.arg(kindText(entry.kind), entry.path);
    case Qt::AccessibleTextRole: return kindText(entry.kind);
    case Qt::BackgroundRole: return background(entry.kind);
    case Qt::ForegroundRole:
        return entry.kind == FlatDiffEntry::Kind::Unchanged ? QVariant() : QVariant(QColor(Qt::black));
    case Qt::FontRole:
        if (index.column() == MarkColumn || entry.kind != FlatDiffEntry::Kind::Unchanged) {
            QFont font;
            font.setBold(index.column() == MarkColumn);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == MarkColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case KindRole: return int(entry.kind);
    default: return {};
    }
}

QVariant SideBySideDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MarkColumn: return QString();
    case FieldColumn: return UiTr::tr("Field");
    case CurrentColumn: return UiTr::tr("Current state");
    case RequestedColumn: return UiTr::tr("Requested");
    default: return {};
    }
}

} // namespace steward
