#include "NotificationPopup.h"

#include "NotificationCenter.h"
#include "NotificationDelegate.h"
#include "NotificationModel.h"
#include "UiTr.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMouseEvent>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

constexpr int kVisibleRows = 7;

using Kind = alerts::Notification::Kind;

} // namespace

NotificationPopup::NotificationPopup(NotificationCenter &center, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_center(center), m_summaryLabel(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_view(new QListView(this)), m_emptyLabel(new QLabel(this)),
      m_acknowledgeButton(new QPushButton(UiTr::tr("&Acknowledge"), this)),
      m_showButton(new QPushButton(UiTr::tr("&Show"), this))
{
    setObjectName(u"notificationPopup"_s);
    m_summaryLabel->setObjectName(u"notificationSummaryLabel"_s);
    m_view->setObjectName(u"notificationListView"_s);
    m_emptyLabel->setObjectName(u"notificationEmptyLabel"_s);
    m_acknowledgeButton->setObjectName(u"acknowledgeAlertButton"_s);
    m_showButton->setObjectName(u"showNotificationButton"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(UiTr::tr("Notifications"));

    auto *title = new QLabel(UiTr::tr("Notifications"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_summaryLabel->setForegroundRole(QPalette::PlaceholderText);

    m_view->setModel(center.model());
    m_view->setItemDelegate(new NotificationDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->setAccessibleName(UiTr::tr("Notifications"));
    m_emptyLabel->setText(UiTr::tr("Nothing needs your attention.\nOpen alerts and decisions on your requests "
                                   "show up here."));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setWordWrap(true);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyLabel);

    m_acknowledgeButton->setToolTip(UiTr::tr("Record that you have seen this alert; it stops counting on the bell"));
    m_showButton->setDefault(true);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_summaryLabel);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_acknowledgeButton);
    buttons->addWidget(m_showButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_acknowledgeButton, &QPushButton::clicked, this, &NotificationPopup::acknowledgeCurrent);
    connect(m_showButton, &QPushButton::clicked, this, &NotificationPopup::showCurrent);
    connect(m_view, &QListView::activated, this, &NotificationPopup::showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &NotificationPopup::updateButtons);
    connect(center.model(), &QAbstractItemModel::modelReset, this, [this] {
        m_stack->setCurrentWidget(m_view->model()->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_emptyLabel);
        updateHeight();
        updateButtons();
    });
    connect(&center, &NotificationCenter::countsChanged, this, &NotificationPopup::updateHeader);

    setFixedWidth(std::max(480, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 70));
    updateHeight();
    updateHeader();
}

// As tall as its entries, up to a few; the rest scroll.
void NotificationPopup::updateHeight()
{
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    const int rowHeight = m_view->itemDelegate()->sizeHint(option, {}).height();
    const int rows = std::clamp(m_view->model()->rowCount(), 2, kVisibleRows);
    m_stack->setFixedHeight(rows * rowHeight + 2 * m_view->frameWidth());
    if (isVisible())
        adjustSize();
}

void NotificationPopup::mousePressEvent(QMouseEvent *event)
{
    // A click on the bell that opened the list closes it; replayed, it would reopen it.
    QWidget *anchor = parentWidget();
    const bool onAnchor = anchor && !rect().contains(event->position().toPoint()) &&
                          anchor->rect().contains(anchor->mapFromGlobal(event->globalPosition().toPoint()));
    setAttribute(Qt::WA_NoMouseReplay, onAnchor);
    QFrame::mousePressEvent(event);
}

void NotificationPopup::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

void NotificationPopup::popUp(QWidget *anchor)
{
    m_center.openList();
    adjustSize();
    const QPoint bottomRight = anchor->mapToGlobal(QPoint(anchor->width(), anchor->height()));
    QPoint topLeft(bottomRight.x() - width(), bottomRight.y() + 2);
    if (const QScreen *screen = anchor->screen()) {
        const QRect available = screen->availableGeometry();
        topLeft.setX(
            std::clamp(topLeft.x(), available.left(), std::max(available.left(), available.right() - width())));
        if (topLeft.y() + height() > available.bottom())
            topLeft.setY(std::max(available.top(), anchor->mapToGlobal(QPoint(0, 0)).y() - height() - 2));
    }
    move(topLeft);
    show();
    if (m_view->model()->rowCount() > 0) {
        m_view->setCurrentIndex(m_view->model()->index(0, 0));
        m_view->setFocus(Qt::PopupFocusReason);
    }
    updateButtons();
}

void NotificationPopup::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    m_center.closeList();
    Q_EMIT closed();
}

void NotificationPopup::updateButtons()
{
    const auto *model = static_cast<NotificationModel *>(m_view->model());
    const alerts::Notification *item = model->itemAt(m_view->currentIndex().row());
    const bool isAlert = item && item->kind == Kind::Alert;
    m_acknowledgeButton->setEnabled(isAlert && item->acknowledgedBy.isEmpty());
    m_showButton->setEnabled(item != nullptr);
    m_showButton->setText(isAlert || !item ? UiTr::tr("&Show field") : UiTr::tr("&Show request"));
    m_showButton->setToolTip(isAlert || !item ? UiTr::tr("Show the field's profile runs on the Profiler tab")
                                              : UiTr::tr("Show the request on the Approvals tab"));
}

void NotificationPopup::updateHeader()
{
    const alerts::NotificationCounts &counts = m_center.counts();
    m_summaryLabel->setText(counts.unacknowledgedAlerts > 0
                                ? UiTr::tr("%n alert(s) to acknowledge", nullptr, counts.unacknowledgedAlerts)
                                : QString());
}

void NotificationPopup::acknowledgeCurrent()
{
    const auto *model = static_cast<NotificationModel *>(m_view->model());
    const alerts::Notification *item = model->itemAt(m_view->currentIndex().row());
    if (!item || item->kind != Kind::Alert)
        return;
    const QUuid id = item->id;
    if (!m_center.acknowledge(id))
        return;
    // The list was read again; stay on the same entry.
    const int row = model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(model->index(row, 0));
    m_view->setFocus();
    updateButtons();
}

void NotificationPopup::showCurrent()
{
    const auto *model = static_cast<NotificationModel *>(m_view->model());
    const alerts::Notification *item = model->itemAt(m_view->currentIndex().row());
    if (!item)
        return;
    const alerts::Notification chosen = *item;
    hide();
    if (chosen.kind == Kind::Alert)
        Q_EMIT fieldRequested(chosen.subjectKey);
    else
        Q_EMIT approvalRequested(chosen.id);
}

} // namespace steward
