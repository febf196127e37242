#include "profiler/DistinctParts.h"

#include <unordered_map>

namespace steward::profiler {
namespace {

// DistinctParts by token, for the aggregates of any connection.
struct PartsRegistry
{
    std::mutex mutex;
    qint64 nextToken = 1;
    std::unordered_map<qint64, std::weak_ptr<DistinctParts>> parts;
    static PartsRegistry &instance()
    {
        static PartsRegistry registry;
        return registry;
    }
};

} // namespace

std::shared_ptr<DistinctParts> DistinctParts::open()
{
    PartsRegistry &registry = PartsRegistry::instance();
    const std::lock_guard lock(registry.mutex);
    std::shared_ptr<DistinctParts> parts(new DistinctParts(registry.nextToken++));
    registry.parts.emplace(parts->m_token, parts);
    return parts;
}

DistinctParts::~DistinctParts()
{
    PartsRegistry &registry = PartsRegistry::instance();
    const std::lock_guard lock(registry.mutex);
    registry.parts.erase(m_token);
}

void DistinctParts::deposit(qint64 token, std::unique_ptr<DistinctCounter> counter)
{
    std::shared_ptr<DistinctParts> parts;
    {
        PartsRegistry &registry = PartsRegistry::instance();
        const std::lock_guard lock(registry.mutex);
        if (const auto found = registry.parts.find(token); found != registry.parts.end())
            parts = found->second.lock();
    }
    if (!parts)
        return; // nobody waits for it any more
    const std::lock_guard lock(parts->m_mutex);
    parts->m_parts.push_back(std::move(counter));
}

DistinctCount DistinctParts::total()
{
    const std::lock_guard lock(m_mutex);
    std::vector<DistinctCounter *> parts;
    for (const auto &part : m_parts)
        parts.push_back(part.get());
    const DistinctCount total = DistinctCounter::unionOf(parts);
    m_parts.clear(); // their memory goes back to the budget now
    return total;
}

} // namespace steward::profiler
