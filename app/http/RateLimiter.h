#pragma once

#include <QHash>
#include <QString>

#include <chrono>

namespace steward {

// A token bucket per caller: `burst` requests at once, then `perSecond` on average. A
// caller over its rate is told how long to wait; other callers are not affected.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    // perSecond 0: no limit.
    RateLimiter(double perSecond, int burst);

    // Whether `caller` may make a request at `now`; when not, `retryAfter` says when it may.
    bool admit(const QString &caller, Clock::time_point now, std::chrono::seconds &retryAfter);

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point updated;
    };

    double m_perSecond;
    double m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace steward
