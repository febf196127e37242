#include "StartupTask.h"

#include "GuiTr.h"
#include "demo/FirstRun.h"

#include <QProgressDialog>

using namespace Qt::StringLiterals;

namespace steward {

StartupTask::StartupTask(DatabaseUrl url, QObject *parent)
    : QObject(parent), m_url(std::move(url)), m_runner(u"startup"_s)
{
}

StartupTask::~StartupTask()
{
    m_runner.shutdown(); // a migration is not cancelled half-way: this waits for it
    delete m_progress;
}

void StartupTask::start()
{
    m_progress = new QProgressDialog(GuiTr::tr("Preparing the database…"), QString(), 0, 0);
    m_progress->setWindowTitle(GuiTr::tr("Metadata Steward"));
    m_progress->setMinimumDuration(400);
    m_progress->setCancelButton(nullptr);

    m_runner.start([url = m_url](jobs::JobContext &) { return prepareDatabase(url, true); },
                   [this](const Result<bool> &prepared) {
                       // Deleting (not hiding) also stops the dialog's pending "show after a moment" timer.
                       delete m_progress;
                       m_progress = nullptr;
                       Q_EMIT finished(prepared ? QString() : prepared.error().text());
                   });
}

} // namespace steward
