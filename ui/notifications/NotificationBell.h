#pragma once

#include "AppServices.h"

#include <QToolButton>

class QShortcut;

namespace steward {

class NotificationCenter;
class NotificationPopup;
class Session;
class Settings;

// The bell in the session toolbar: a drawn bell with a badge counting what needs the
// user's attention (open alerts until acknowledged, decisions on their requests until
// seen); red while something is new. Clicking it or Ctrl+Shift+N opens the list.
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    NotificationBell(const AppServices &services, Session &session, Settings &settings, QWidget *parent = nullptr);

    NotificationCenter &center() const { return *m_center; }
    NotificationPopup *popup() const { return m_popup; }
    // The number on the badge (0: no badge).
    int badgeCount() const;

    void openList();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

Q_SIGNALS:
    void approvalRequested(const QUuid &approvalId);
    void fieldRequested(const QString &canonicalKey);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateSummary();

    NotificationCenter *m_center;
    NotificationPopup *m_popup;
    QShortcut *m_shortcut;
};

} // namespace steward
