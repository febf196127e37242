#include "EventFollower.h"

#include <QCoreApplication>
#include <csignal>

namespace steward {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

} // namespace

EventFollower::EventFollower(Poll poll, std::chrono::milliseconds interval) : m_poll(std::move(poll))
{
    m_pollTimer.setInterval(interval);
    // Signal handlers may only set a flag; a short timer turns it into a clean quit.
    m_interruptTimer.setInterval(std::chrono::milliseconds(100));
    QObject::connect(&m_pollTimer, &QTimer::timeout, &m_pollTimer, [this] { pollOnce(); });
    QObject::connect(&m_interruptTimer, &QTimer::timeout, &m_interruptTimer, [this] { stopIfInterrupted(); });
}

Status EventFollower::run()
{
    g_interrupted = 0;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    m_pollTimer.start();
    m_interruptTimer.start();
    QCoreApplication::exec();
    m_pollTimer.stop();
    m_interruptTimer.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return m_failure;
}

void EventFollower::pollOnce()
{
    if (g_interrupted)
        return;
    if (auto failed = m_poll()) {
        m_failure = failed;
        QCoreApplication::quit();
    }
}

void EventFollower::stopIfInterrupted()
{
    if (g_interrupted)
        QCoreApplication::quit();
}

} // namespace steward
