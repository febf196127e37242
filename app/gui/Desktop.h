#pragma once

#include "store/DatabaseUrl.h"

#include <QObject>

#include <memory>

namespace steward {

class AppContext;
class MainWindow;
class MetricsServer;
class Settings;
class StartupTask;

// What the steward executable shows: the main window on one database at a time, with the
// services built for it. Opening another one (File > Connect to team database) prepares it
// on a worker thread and builds new services and a new window on it, which then replace
// the old ones; if that fails, the window stays where it was.
class Desktop : public QObject
{
    Q_OBJECT

public:
    // `tenant` and `user`: what the command line asked for (empty: the last session's).
    Desktop(Settings &settings, QString tenant, QString user, QObject *parent = nullptr);
    ~Desktop() override;

    // `password`: typed at a prompt, kept for this process's connections only.
    void open(const DatabaseUrl &url, const QString &password = {});

Q_SIGNALS:
    // The first database could not be opened; the message was shown.
    void failedToStart();

private:
    void prepared(const DatabaseUrl &url, const QString &error);
    void close();

    Settings &m_settings;
    QString m_tenant;
    QString m_user;
    QByteArray m_ownPassword; // PGPASSWORD as the process started
    QByteArray m_previousPassword; // as the window on the current database uses it
    std::unique_ptr<StartupTask> m_startup;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<MetricsServer> m_metricsServer;
};

} // namespace steward
