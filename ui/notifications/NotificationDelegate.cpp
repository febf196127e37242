#include "NotificationDelegate.h"

#include "NotificationModel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kPadding = 8;
constexpr int kMarkSize = 8;
constexpr int kLineGap = 3;

} // namespace

QColor NotificationDelegate::toneColor(const QString &tone)
{
    if (tone == u"critical"_s)
        return QColor(0xc4, 0x2b, 0x1c);
    if (tone == u"warning"_s)
        return QColor(0xb8, 0x6e, 0x00);
    if (tone == u"good"_s)
        return QColor(0x2e, 0x7d, 0x32);
    if (tone == u"bad"_s)
        return QColor(0xa4, 0x26, 0x2c);
    return QColor(0x6b, 0x72, 0x80);
}

void NotificationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    painter->save();
    // Background, selection and focus as the style draws them for any item.
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quiet = text;
    quiet.setAlphaF(selected ? 0.85f : 0.62f);

    const QRect area = opt.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    QFont titleFont = opt.font;
    titleFont.setBold(index.data(NotificationModel::UnseenRole).toBool());
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics plainMetrics(opt.font);

    // The tone mark: filled while it needs attention, a ring once handled.
    const QColor toneColor = NotificationDelegate::toneColor(index.data(NotificationModel::ToneRole).toString());
    const int markTop = area.top() + (titleMetrics.height() - kMarkSize) / 2;
    const QRectF mark(area.left() + 0.5, markTop + 0.5, kMarkSize - 1, kMarkSize - 1);
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (index.data(NotificationModel::NeedsAttentionRole).toBool()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(toneColor);
    } else {
        painter->setPen(QPen(toneColor, 1.5));
        painter->setBrush(Qt::NoBrush);
    }
    painter->drawEllipse(mark);
    painter->setRenderHint(QPainter::Antialiasing, false);

    const int textLeft = area.left() + kMarkSize + kPadding;
    const QString when = index.data(NotificationModel::WhenRole).toString();
    const int whenWidth = plainMetrics.horizontalAdvance(when);
    const QRect whenRect(area.right() - whenWidth + 1, area.top(), whenWidth, titleMetrics.height());
    const QRect titleRect(textLeft, area.top(), whenRect.left() - kPadding - textLeft, titleMetrics.height());
    const QRect detailRect(textLeft, titleRect.bottom() + 1 + kLineGap, area.right() - textLeft + 1,
                           plainMetrics.height());

    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, titleRect.width()));
    painter->setFont(opt.font);
    painter->setPen(quiet);
    painter->drawText(whenRect, Qt::AlignRight | Qt::AlignVCenter, when);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      plainMetrics.elidedText(index.data(NotificationModel::DetailRole).toString(), Qt::ElideRight,
                                              detailRect.width()));

    // A hairline between entries.
    if (!selected) {
        QColor line = opt.palette.color(QPalette::Mid);
        line.setAlphaF(0.35f);
        painter->setPen(line);
        painter->drawLine(opt.rect.left() + kPadding, opt.rect.bottom(), opt.rect.right() - kPadding,
                          opt.rect.bottom());
    }
    painter->restore();
}

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return QSize(360, 2 * kPadding + 2 * metrics.height() + kLineGap + 1);
}

} // namespace steward
