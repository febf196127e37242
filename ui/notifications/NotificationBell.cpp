#include "NotificationBell.h"

#include "NotificationCenter.h"
#include "NotificationPopup.h"
#include "UiTr.h"

#include <QPainterPath>
#include <QShortcut>
#include <QStyleOptionToolButton>
#include <QStylePainter>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kBellSize = 24; // the bell is drawn on a 24-unit grid, one unit a pixel at 1x

// A filled bell on a 24-unit grid whose straight edges fall on whole pixels, so it
// stays sharp at 1x without hairlines.
QPainterPath bellPath()
{
    QPainterPath path;
    path.moveTo(18, 16);
    path.lineTo(18, 11);
    path.cubicTo(18, 7.93, 16.36, 5.36, 13.5, 4.68);
    path.lineTo(13.5, 4);
    path.cubicTo(13.5, 3.17, 12.83, 2.5, 12, 2.5);
    path.cubicTo(11.17, 2.5, 10.5, 3.17, 10.5, 4);
    path.lineTo(10.5, 4.68);
    path.cubicTo(7.63, 5.36, 6, 7.92, 6, 11);
    path.lineTo(6, 16);
    path.lineTo(4, 18);
    path.lineTo(4, 19);
    path.lineTo(20, 19);
    path.lineTo(20, 18);
    path.closeSubpath();
    // The clapper.
    path.moveTo(12, 22);
    path.cubicTo(13.1, 22, 14, 21.1, 14, 20);
    path.lineTo(10, 20);
    path.cubicTo(10, 21.1, 10.89, 22, 12, 22);
    path.closeSubpath();
    return path;
}

QColor badgeColor(bool somethingNew)
{
    return somethingNew ? QColor(0xc4, 0x2b, 0x1c) : QColor(0x5f, 0x6b, 0x7a);
}

} // namespace

NotificationBell::NotificationBell(const AppServices &services, Session &session, Settings &settings, QWidget *parent)
    : QToolButton(parent), m_center(new NotificationCenter(services, session, settings, this)),
      m_popup(new NotificationPopup(*m_center, this)), m_shortcut(new QShortcut(QKeySequence(u"Ctrl+Shift+N"_s), this))
{
    setObjectName(u"notificationBell"_s);
    m_shortcut->setObjectName(u"notificationShortcut"_s);
    setAutoRaise(true);
    setFocusPolicy(Qt::TabFocus);
    setAccessibleName(UiTr::tr("Notifications"));

    m_shortcut->setContext(Qt::WindowShortcut);
    connect(m_shortcut, &QShortcut::activated, this, &NotificationBell::openList);
    connect(this, &QToolButton::clicked, this, [this] {
        if (m_popup->isVisible())
            m_popup->hide();
        else
            openList();
    });
    connect(m_center, &NotificationCenter::countsChanged, this, &NotificationBell::updateSummary);
    connect(m_popup, &NotificationPopup::approvalRequested, this, &NotificationBell::approvalRequested);
    connect(m_popup, &NotificationPopup::fieldRequested, this, &NotificationBell::fieldRequested);
    connect(m_popup, &NotificationPopup::closed, this, qOverload<>(&QWidget::update));
    updateSummary();
}

int NotificationBell::badgeCount() const
{
    return m_center->counts().needsAttention();
}

void NotificationBell::openList()
{
    if (!m_popup->isVisible())
        m_popup->popUp(this);
}

QSize NotificationBell::sizeHint() const
{
    return QSize(kBellSize + 20, kBellSize + 6);
}

void NotificationBell::paintEvent(QPaintEvent *)
{
    QStylePainter painter(this);
    QStyleOptionToolButton option;
    initStyleOption(&option);
    option.text.clear();
    option.icon = QIcon();
    if (m_popup->isVisible())
        option.state |= QStyle::State_Sunken | QStyle::State_On;
    painter.drawComplexControl(QStyle::CC_ToolButton, option);
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = rect().adjusted(2, 2, -2, -2);
        painter.drawPrimitive(QStyle::PE_FrameFocusRect, focus);
    }

    // The bell, on whole pixels so its edges stay sharp at 1x; with a badge it moves
    // left so the badge sits on its shoulder rather than over it.
    const int count = badgeCount();
    const QPoint origin((width() - kBellSize) / 2 - (count > 0 ? 6 : 0), (height() - kBellSize) / 2);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.save();
    painter.translate(origin);
    painter.setPen(Qt::NoPen);
    QColor ink = palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::ButtonText);
    ink.setAlphaF(0.8f); // a little softer than text: it is a glyph, not a word
    painter.setBrush(ink);
    painter.drawPath(bellPath());
    painter.restore();

    if (count <= 0)
        return;
    QFont badgeFont = font();
    badgeFont.setBold(true);
    badgeFont.setPixelSize(10);
    const QFontMetrics metrics(badgeFont);
    const QString text = count > 99 ? u"99+"_s : QString::number(count);
    const int badgeHeight = 14;
    const int badgeWidth = std::max(badgeHeight, metrics.horizontalAdvance(text) + 7);
    const QRect badge(std::min(origin.x() + 16, width() - badgeWidth - 1), std::max(1, origin.y() - 2), badgeWidth,
                      badgeHeight);
    // A ring in the toolbar's colour keeps the badge apart from the bell under it.
    painter.setPen(QPen(palette().color(QPalette::Window), 2));
    painter.setBrush(badgeColor(m_center->counts().unseen() > 0));
    painter.drawRoundedRect(QRectF(badge).adjusted(-0.5, -0.5, 0.5, 0.5), badgeHeight / 2.0 + 0.5,
                            badgeHeight / 2.0 + 0.5);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setFont(badgeFont);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
}

void NotificationBell::updateSummary()
{
    const alerts::NotificationCounts &counts = m_center->counts();
    QStringList parts;
    if (counts.unacknowledgedAlerts > 0)
        parts << UiTr::tr("%n open alert(s) to acknowledge", nullptr, counts.unacknowledgedAlerts);
    if (counts.unseenDecisions > 0)
        parts << UiTr::tr("%n new decision(s) on your requests", nullptr, counts.unseenDecisions);
    const QString summary = parts.isEmpty() ? UiTr::tr("Nothing needs your attention") : parts.join(u"; "_s);
    setToolTip(UiTr::tr("Notifications (%1): %2").arg(m_shortcut->key().toString(QKeySequence::NativeText), summary));
    setAccessibleDescription(summary);
    update();
}

} // namespace steward
