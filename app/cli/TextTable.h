#pragma once

#include <QList>
#include <QStringList>

class QTextStream;

namespace steward {

// Rows of text under a header, each column as wide as its widest cell. Cells never
// wrap; the last column is not padded, so lines carry no trailing spaces.
class TextTable
{
public:
    explicit TextTable(QStringList headers);

    void setRightAligned(int column);
    void addRow(QStringList cells);
    int rowCount() const { return int(m_rows.size()); }
    void write(QTextStream &out) const;

private:
    QString line(const QStringList &cells, const QList<int> &widths) const;

    QStringList m_headers;
    QList<QStringList> m_rows;
    QList<bool> m_rightAligned;
};

} // namespace steward
