#pragma once

#include <QStyledItemDelegate>

namespace steward {

// Paints one notification in two lines: a tone mark, the headline (bold while new)
// with its time on the right, and the detail line below in a quieter colour.
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor toneColor(const QString &tone);
};

} // namespace steward
