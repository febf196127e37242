#pragma once

#include "jobs/JobRunner.h"
#include "store/DatabaseUrl.h"

#include <QObject>

class QProgressDialog;

namespace steward {

// Prepares the database (schema upgrade, demo on first start) on a worker thread with
// its own connection, showing a busy dialog if it takes a moment. Reports once.
class StartupTask : public QObject
{
    Q_OBJECT

public:
    explicit StartupTask(DatabaseUrl url, QObject *parent = nullptr);
    ~StartupTask() override; // waits for the preparation to end

    void start();

Q_SIGNALS:
    // Empty on success, otherwise what went wrong.
    void finished(const QString &error);

private:
    DatabaseUrl m_url;
    // Without a connection of its own: prepareDatabase() opens the one it migrates with.
    jobs::JobRunner m_runner;
    QProgressDialog *m_progress = nullptr;
};

} // namespace steward
