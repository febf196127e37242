#pragma once

#include <QObject>
#include <QSet>
#include <QUuid>

class QSystemTrayIcon;
class QWidget;

namespace steward {

namespace alerts {
struct Notification;
}
class NotificationCenter;

// Tells the user once, through the system tray, about each alert that fires while the
// app runs (never about alerts that were open at start). Without a tray it only
// announces, for whoever listens.
class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    TrayNotifier(NotificationCenter &center, QWidget *window, QObject *parent = nullptr);

    bool hasTray() const { return m_tray != nullptr; }

Q_SIGNALS:
    void alertAnnounced(const QUuid &alertId, const QString &title, const QString &message);
    // The user clicked the message of the field's alert.
    void fieldRequested(const QString &canonicalKey);

private:
    void announce(const alerts::Notification &alert);

    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QSet<QUuid> m_announced;
    QString m_lastField;
};

} // namespace steward
