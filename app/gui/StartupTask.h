#pragma once

#include "store/DatabaseUrl.h"

#include <QObject>

class QProgressDialog;
class QThread;

namespace steward {

// Prepares the database (schema upgrade, demo on first start) on a worker thread with
// its own connection, showing a busy dialog if it takes a moment. Reports once.
class StartupTask : public QObject
{
    Q_OBJECT

public:
    explicit StartupTask(DatabaseUrl url, QObject *parent = nullptr);
    ~StartupTask() override;

    void start();

Q_SIGNALS:
    // Empty on success, otherwise what went wrong.
    void finished(const QString &error);

private:
    DatabaseUrl m_url;
    QThread *m_thread = nullptr;
    QProgressDialog *m_progress = nullptr;
    QString m_error;
};

} // namespace steward
