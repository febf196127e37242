#pragma once

#include <QFrame>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace steward {

class NotificationCenter;

// The list the bell opens, a popup panel: alerts and decisions with Acknowledge and
// Show. Keyboard: arrows move, Enter shows, Alt+A acknowledges, Escape closes.
class NotificationPopup : public QFrame
{
    Q_OBJECT

public:
    NotificationPopup(NotificationCenter &center, QWidget *parent = nullptr);

    // Opens below `anchor`, right edges aligned, kept on its screen.
    void popUp(QWidget *anchor);
    QListView *listView() const { return m_view; }

Q_SIGNALS:
    void approvalRequested(const QUuid &approvalId);
    void fieldRequested(const QString &canonicalKey);
    void closed();

protected:
    void hideEvent(QHideEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void updateHeight();
    void updateButtons();
    void updateHeader();
    void acknowledgeCurrent();
    void showCurrent();

    NotificationCenter &m_center;
    QLabel *m_summaryLabel;
    QStackedWidget *m_stack;
    QListView *m_view;
    QLabel *m_emptyLabel;
    QPushButton *m_acknowledgeButton;
    QPushButton *m_showButton;
};

} // namespace steward
