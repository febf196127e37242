#include "RateLimiter.h"

#include <cmath>

namespace steward {

RateLimiter::RateLimiter(double perSecond, int burst) : m_perSecond(perSecond), m_burst(qMax(1, burst)) {}

bool RateLimiter::admit(const QString &caller, Clock::time_point now, std::chrono::seconds &retryAfter)
{
    if (m_perSecond <= 0)
        return true;
    auto found = m_buckets.find(caller);
    if (found == m_buckets.end())
        found = m_buckets.insert(caller, Bucket{m_burst, now});
    Bucket &bucket = found.value();
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = qMin(m_burst, bucket.tokens + elapsed * m_perSecond);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
    }
    retryAfter = std::chrono::seconds(qMax<qint64>(1, qint64(std::ceil((1 - bucket.tokens) / m_perSecond))));
    return false;
}

} // namespace steward
