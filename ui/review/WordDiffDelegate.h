#pragma once

#include <QStyledItemDelegate>

namespace steward {

// Draws a changed long string with its word-level edits inline: deleted words struck
// through, inserted words underlined, each also tinted.
class WordDiffDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace steward
