#pragma once

#include "model/Error.h"

#include <QTimer>
#include <chrono>
#include <functional>

namespace steward {

// Runs `poll` on a timer inside the application's event loop until SIGINT or SIGTERM
// arrives or a poll fails. This is how `events --follow` tails the embedded SQLite
// database; team mode will wake on PostgreSQL NOTIFY instead of polling.
class EventFollower
{
public:
    using Poll = std::function<Status()>;

    explicit EventFollower(Poll poll, std::chrono::milliseconds interval = std::chrono::milliseconds(500));

    // Returns when interrupted (no error) or with the error that stopped it.
    Status run();

private:
    void pollOnce();
    void stopIfInterrupted();

    Poll m_poll;
    QTimer m_pollTimer;
    QTimer m_interruptTimer;
    Status m_failure;
};

} // namespace steward
