#pragma once

#include "model/Error.h"

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace steward::jobs {

// One piece of work split into parts that run side by side, each on a thread of its
// own, and joined before the caller goes on: fork-join inside one job (a profile scan
// split across partitions, each on its own connection), not jobs of their own. Each
// part runs guarded as every job is (runGuarded): an exception it throws reaches
// `failed` on the part's thread instead of escaping it.
class PartThreads
{
public:
    // Starts `part(index)` for every index in [first, last).
    PartThreads(int first, int last, const std::function<void(int index)> &part,
                const std::function<void(int index, const Error &error)> &failed);
    PartThreads(const PartThreads &) = delete;
    PartThreads &operator=(const PartThreads &) = delete;
    ~PartThreads(); // joins

    // Waits for every part to return.
    void join();

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace steward::jobs
