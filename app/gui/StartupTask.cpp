#include "StartupTask.h"

#include "GuiTr.h"
#include "demo/FirstRun.h"

#include <QProgressDialog>
#include <QThread>

namespace steward {

StartupTask::StartupTask(DatabaseUrl url, QObject *parent) : QObject(parent), m_url(std::move(url)) {}

StartupTask::~StartupTask()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    delete m_progress;
}

void StartupTask::start()
{
    m_progress = new QProgressDialog(GuiTr::tr("Preparing the database…"), QString(), 0, 0);
    m_progress->setWindowTitle(GuiTr::tr("Metadata Steward"));
    m_progress->setMinimumDuration(400);
    m_progress->setCancelButton(nullptr);

    m_thread = QThread::create([this] {
        try {
            auto prepared = prepareDatabase(m_url, true);
            if (!prepared)
                m_error = prepared.error().text();
        } catch (const std::exception &exception) {
            m_error = QString::fromUtf8(exception.what());
        }
    });
    connect(m_thread, &QThread::finished, this, [this] {
        // Deleting (not hiding) also stops the dialog's pending "show after a moment" timer.
        delete m_progress;
        m_progress = nullptr;
        Q_EMIT finished(m_error);
    });
    m_thread->start();
}

} // namespace steward
