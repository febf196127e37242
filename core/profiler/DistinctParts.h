#pragma once

#include "profiler/DistinctCounter.h"

#include <memory>
#include <mutex>
#include <vector>

namespace steward::profiler {

// The counters of one column of a table whose parts are counted separately (on several
// connections, by steward_distinct_part), to be counted together. Registered under
// token() while it lives, so a counter can find it by that number.
class DistinctParts
{
public:
    static std::shared_ptr<DistinctParts> open();
    ~DistinctParts();
    DistinctParts(const DistinctParts &) = delete;
    DistinctParts &operator=(const DistinctParts &) = delete;

    qint64 token() const { return m_token; }
    // The distinct values of every part handed in so far, together; the parts are let go
    // (their memory goes back to the budget).
    DistinctCount total();

    // Hands a part in; dropped when no DistinctParts has that token any more.
    static void deposit(qint64 token, std::unique_ptr<DistinctCounter> counter);

private:
    explicit DistinctParts(qint64 token) : m_token(token) {}
    qint64 m_token;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<DistinctCounter>> m_parts;
};

} // namespace steward::profiler
