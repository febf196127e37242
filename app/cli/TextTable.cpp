#include "TextTable.h"

#include <QTextStream>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kGap = 2;

} // namespace

TextTable::TextTable(QStringList headers) : m_headers(std::move(headers)), m_rightAligned(m_headers.size(), false) {}

void TextTable::setRightAligned(int column)
{
    if (column >= 0 && column < m_rightAligned.size())
        m_rightAligned[column] = true;
}

void TextTable::addRow(QStringList cells)
{
    cells.resize(m_headers.size());
    m_rows.append(std::move(cells));
}

QString TextTable::line(const QStringList &cells, const QList<int> &widths) const
{
    QString text;
    for (qsizetype column = 0; column < cells.size(); ++column) {
        const bool last = column + 1 == cells.size();
        const QString &cell = cells.at(column);
        if (m_rightAligned.at(column))
            text += cell.rightJustified(widths.at(column));
        else
            text += last ? cell : cell.leftJustified(widths.at(column));
        if (!last)
            text += QString(kGap, u' ');
    }
    return text;
}

void TextTable::write(QTextStream &out) const
{
    QList<int> widths;
    for (const QString &header : m_headers)
        widths.append(int(header.size()));
    for (const QStringList &row : m_rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths.at(column), int(row.at(column).size()));
    }
    out << line(m_headers, widths) << u'\n';
    for (const QStringList &row : m_rows)
        out << line(row, widths) << u'\n';
}

} // namespace steward
