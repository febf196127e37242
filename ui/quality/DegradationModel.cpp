#include "DegradationModel.h"

#include "UiTr.h"

#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace steward {

void DegradationModel::setDegradations(const QList<quality::Degradation> &degradations)
{
    beginResetModel();
    m_rows = degradations;
    endResetModel();
}

QString DegradationModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).canonicalKey : QString();
}

int DegradationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DegradationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DegradationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const quality::Degradation &row = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case KeyRole:
        return row.canonicalKey;
    case Qt::TextAlignmentRole:
        if (index.column() >= BeforeColumn && index.column() <= DropColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DropColumn || index.column() == NowColumn)
            return QColor(0xa4, 0x26, 0x2c);
        return {};
    case Qt::ToolTipRole:
        return UiTr::tr("%1 fell from %2 (%3) to %4 (%5). Press Enter to open its profile.")
            .arg(row.canonicalKey, locale.toString(row.previousScore, 'f', 1),
                 locale.toString(row.previousAt.toLocalTime(), QLocale::ShortFormat),
                 locale.toString(row.score, 'f', 1), locale.toString(row.at.toLocalTime(), QLocale::ShortFormat));
    case Qt::DisplayRole:
        switch (index.column()) {
        case FieldColumn: return row.canonicalKey;
        case TierColumn: return row.tier ? toString(*row.tier) : UiTr::tr("—");
        case DomainColumn: return row.domain.isEmpty() ? UiTr::tr("—") : row.domain;
        case BeforeColumn: return locale.toString(row.previousScore, 'f', 1);
        case NowColumn: return locale.toString(row.score, 'f', 1);
        case DropColumn: return UiTr::tr("−%1").arg(locale.toString(row.drop(), 'f', 1));
        case WhenColumn: return locale.toString(row.at.toLocalTime(), u"d MMM, HH:mm"_s);
        default: return {};
        }
    default:
        return {};
    }
}

QVariant DegradationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FieldColumn: return UiTr::tr("Field");
    case TierColumn: return UiTr::tr("Tier");
    case DomainColumn: return UiTr::tr("Domain");
    case BeforeColumn: return UiTr::tr("Before");
    case NowColumn: return UiTr::tr("Now");
    case DropColumn: return UiTr::tr("Drop");
    case WhenColumn: return UiTr::tr("When");
    default: return {};
    }
}

} // namespace steward
