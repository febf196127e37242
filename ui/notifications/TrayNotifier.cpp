#include "TrayNotifier.h"

#include "NotificationCenter.h"
#include "NotificationModel.h"
#include "UiTr.h"

#include <QApplication>
#include <QLocale>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace steward {

TrayNotifier::TrayNotifier(NotificationCenter &center, QWidget *window, QObject *parent)
    : QObject(parent), m_window(window)
{
    setObjectName(u"trayNotifier"_s);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger && m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
            if (!m_lastField.isEmpty())
                Q_EMIT fieldRequested(m_lastField);
        });
        m_tray->show();
    }
    connect(&center, &NotificationCenter::alertFired, this, &TrayNotifier::announce);
}

void TrayNotifier::announce(const alerts::Notification &alert)
{
    if (alert.id.isNull() || m_announced.contains(alert.id))
        return;
    m_announced.insert(alert.id);
    m_lastField = alert.subjectKey;
    const QString title = NotificationModel::headline(alert);
    QString message;
    if (alert.value)
        message = UiTr::tr("Scored %1 in its latest profile run.").arg(QLocale().toString(*alert.value, 'f', 1));
    else
        message = UiTr::tr("Its latest profile run failed.");
    if (m_tray)
        m_tray->showMessage(title, message,
                            alert.severity == u"critical"_s ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
    Q_EMIT alertAnnounced(alert.id, title, message);
}

} // namespace steward
