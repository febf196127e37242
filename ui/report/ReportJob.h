#pragma once

#include "report/ReportTypes.h"
#include "store/DatabaseUrl.h"

#include <QObject>
#include <atomic>
#include <memory>

namespace steward {

// Writes one report on the thread it was moved to, with a database connection of its
// own, opened and closed in that thread. Progress and the outcome leave over queued
// signals; cancel() may be called from any thread. No exception leaves run().
class ReportJob : public QObject
{
    Q_OBJECT

public:
    explicit ReportJob(DatabaseUrl url, QObject *parent = nullptr);

    // Thread-safe: the running report stops at its next step and nothing is written.
    void cancel();

    // Renders `request` into `path` atomically. Call in the job's thread.
    void run(const report::ReportRequest &request, const QString &path);

Q_SIGNALS:
    void progressed(int percent);
    // `error` empty: written. `decisions`: how many an approvals report holds (-1: not counted).
    void finished(const QString &path, const QString &error, bool cancelled, qint64 decisions);

private:
    DatabaseUrl m_url;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace steward
